public import PlaybookDiagnostics

/// The broken links of a build in migration mode (`links: warn`), summed up so a team with
/// hundreds of them sees the size of the job and the first few to fix, not a wall of warnings.
public struct BrokenLinkSummary: Sendable, Equatable {
    /// Broken links and anchors, in file order.
    public var links: [Diagnostic]
    /// How many files hold them.
    public var pageCount: Int

    /// The codes a broken link or anchor is reported under.
    public static let codes: Set<String> = ["link/broken", "link/anchor"]

    /// The broken-link warnings among `diagnostics`; `nil` when there are none.
    public init?(_ diagnostics: [Diagnostic]) {
        let links = diagnostics.filter { $0.severity == .warning && Self.codes.contains($0.code) }.sorted()
        guard !links.isEmpty else { return nil }
        self.links = links
        pageCount = Set(links.map(\.location.file)).count
    }

    /// `12 broken links in 5 pages`.
    public var headline: String {
        "\(links.count) broken link\(links.count == 1 ? "" : "s") in \(pageCount) page\(pageCount == 1 ? "" : "s")"
    }

    /// The diagnostics to print in full: the first `limit`; the rest are counted in the headline.
    public func listed(limit: Int) -> [Diagnostic] {
        Array(links.prefix(limit))
    }
}

internal import Foundation
internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import PlaybookMarkdown

/// Checks every link of every rendered page against the pages and anchors that exist,
/// reporting each broken one at the position of the link in its file.
///
/// Linear in the number of links: each target page's anchors are looked up in a set.
struct LinkChecker {
    let site: Site
    let resolver: LinkResolver
    /// The ids each page has (headings and task items), by page index.
    let anchors: [Set<String>]

    init(site: Site, pages: [RenderedPage], resolver: LinkResolver) {
        self.site = site
        self.resolver = resolver
        var anchors = [Set<String>](repeating: [], count: site.pages.count)
        for page in pages where page.index < anchors.count { anchors[page.index] = Self.anchors(of: page) }
        self.anchors = anchors
    }

    init(site: Site, resolver: LinkResolver, anchors: [Set<String>]) {
        self.site = site
        self.resolver = resolver
        self.anchors = anchors
    }

    static func anchors(of page: RenderedPage) -> Set<String> {
        Set(page.headings.map(\.id) + page.tasks.map(\.id) + (page.titleID.map { [$0] } ?? []))
    }

    /// Every problem: the framework's page references, then every page's links.
    func check(_ pages: [RenderedPage]) -> [Diagnostic] {
        checkFramework() + pages.flatMap(check)
    }

    /// Problems with the pages `framework.yml` names.
    func checkFramework() -> [Diagnostic] {
        guard let framework = site.framework else { return [] }
        var diagnostics: [Diagnostic] = []
        let references = framework.steps.map { ($0.page, $0.location) } + framework.behaviours.map { ($0.page, $0.location) }
        for (destination, location) in references {
            switch resolver.resolve(destination, inFolder: "") {
            case .page(let index, let anchor):
                if let anchor, !anchor.isEmpty, !anchors[index].contains(anchor) {
                    diagnostics.append(anchorProblem(destination, anchor: anchor, on: site.pages[index], in: anchors[index], at: location))
                }
            case .missing(let path, let hint):
                diagnostics.append(.error("link/broken", at: location, "the framework names the page '\(path)', which does not exist", hint: hint))
            default:
                diagnostics.append(.error("link/broken", at: location, "the framework's page '\(destination)' must be a Markdown file under content/"))
            }
        }
        return diagnostics
    }

    /// Problems with the links of one rendered page.
    func check(_ rendered: RenderedPage) -> [Diagnostic] {
        let page = site.pages[rendered.index]
        var diagnostics: [Diagnostic] = []
        for (link, target) in rendered.links {
            let location = page.location(bodyLine: link.line, column: link.column)
            let what = link.isImage ? "image" : "link"
            switch target {
            case .external, .file:
                break
            case .missing(let path, let hint):
                diagnostics.append(
                    problem(
                        "link/broken", at: location,
                        "broken \(what): '\(link.destination)' points to '\(path)', which does not exist",
                        hint: hint))
            case .samePage(let anchor):
                if !anchor.isEmpty, !anchors[rendered.index].contains(anchor) {
                    diagnostics.append(
                        anchorProblem(link.destination, anchor: anchor, on: page, in: anchors[rendered.index], at: location))
                }
            case .page(let index, let anchor):
                if let anchor, !anchor.isEmpty, !anchors[index].contains(anchor) {
                    diagnostics.append(
                        anchorProblem(link.destination, anchor: anchor, on: site.pages[index], in: anchors[index], at: location))
                }
            }
        }
        return diagnostics
    }

    /// A broken link: an error, or a warning when the site is migrating (`links: warn`).
    private func problem(_ code: String, at location: SourceLocation, _ message: String, hint: String?) -> Diagnostic {
        switch site.config.brokenLinks {
        case .error: .error(code, at: location, message, hint: hint)
        case .warn: .warning(code, at: location, message, hint: hint)
        }
    }

    /// The pages a rendered page links to.
    static func targets(of rendered: RenderedPage) -> Set<Int> {
        var targets: Set<Int> = []
        for (_, target) in rendered.links {
            if case .page(let index, _) = target { targets.insert(index) }
        }
        return targets
    }

    private func anchorProblem(
        _ destination: String, anchor: String, on target: Page, in anchors: Set<String>?, at location: SourceLocation
    ) -> Diagnostic {
        problem(
            "link/anchor", at: location,
            "broken link: '\(destination)' points to '#\(anchor)', which \(target.displayPath) does not have",
            hint: Self.sameHeading(anchor, in: anchors ?? [])
                ?? Suggestions.didYouMean(anchor, in: (anchors ?? []).sorted()).map { $0.replacingPrefix("did you mean '", with: "did you mean '#") }
                ?? "anchors are made from headings: lower case, punctuation dropped, spaces as hyphens")
    }

    /// The hint for an anchor written from the heading's text rather than its id
    /// (`#Configuring_Branch_Policies` for `configuring-branch-policies`): same letters and
    /// digits, another case or punctuation.
    static func sameHeading(_ anchor: String, in anchors: Set<String>) -> String? {
        func key(_ text: String) -> String { String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }) }
        let wanted = key(anchor.removingPercentEncoding ?? anchor)
        guard !wanted.isEmpty, let id = anchors.sorted().first(where: { key($0) == wanted }) else { return nil }
        return "did you mean '#\(id)'? That heading's anchor is '\(id)': lower case, punctuation dropped, spaces as hyphens"
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

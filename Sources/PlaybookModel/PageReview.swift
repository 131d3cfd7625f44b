public import PlaybookDiagnostics
internal import Foundation

/// `playbook review`: marks pages as reviewed today, and optionally sets who owns them, by
/// rewriting the `reviewed:` (and `owner:`) line of each file's front matter and nothing else
/// (see `FrontMatterEdit`).
///
/// Each file is handled on its own: a path that is not a page of the site, or a file whose front
/// matter cannot be read, is reported and the other files are still done.
public struct PageReview: Sendable {
    /// The site folder (holds `playbook.yml` and `content/`).
    public var source: String
    /// The day written into `reviewed:`.
    public var today: PlanDate
    /// The name written into `owner:`, or `nil` to leave owners as they are.
    public var owner: String?

    /// Prepares a review.
    public init(source: String, today: PlanDate, owner: String? = nil) {
        self.source = source
        self.today = today
        self.owner = owner
    }

    /// What a review did.
    public struct Report: Sendable, Hashable {
        /// One line per file, in the order given: what changed in it, or that it said so already.
        public var lines: [String] = []
        /// Problems with the files' contents (front matter that does not parse…): exit 1.
        public var problems: [Diagnostic] = []
        /// Problems with the command: paths that are not pages of the site, files that could not
        /// be written, a name that is not an owner (a warning): exit 2 for the errors.
        public var usage: [Diagnostic] = []

        /// Creates an empty report.
        public init() {}
    }

    /// The keys to set, in the order they are added to a front matter without them.
    public var values: [(key: String, value: String)] {
        (owner.map { [(key: "owner", value: $0)] } ?? []) + [(key: "reviewed", value: today.description)]
    }

    /// Reviews each file of `paths`: a path as given, else relative to the site folder, else to
    /// its `content/` folder.
    ///
    /// - Parameter owners: the names of `owners:` in `playbook.yml` (`nil` when it lists none):
    ///   an `owner` outside them gives a warning with the nearest name.
    public func run(paths: [String], owners: [String]? = nil) -> Report {
        var report = Report()
        if let owner, let owners, !owners.contains(owner) {
            report.usage.append(unknownOwner(owner, owners: owners))
        }
        let content = PathText.join(source, contentFolder)
        let contentRoot = URL(fileURLWithPath: content).resolvingSymlinksInPath().standardizedFileURL.path
        var seen: Set<String> = []
        for path in paths {
            switch locate(path, contentRoot: contentRoot) {
            case .failure(let problem): report.usage.append(problem)
            case .success(let page):
                guard seen.insert(page.path).inserted else { continue }
                review(page, into: &report)
            }
        }
        return report
    }

    /// A page file: where it is and how messages name it (`content/…`).
    struct Located: Sendable {
        var path: String
        var display: String
    }

    private func review(_ page: Located, into report: inout Report) {
        guard let data = FileManager.default.contents(atPath: page.path) else {
            report.usage.append(.error("usage", at: SourceLocation(file: page.display), "this file cannot be read"))
            return
        }
        switch FrontMatterEdit.setting(values, in: Array(data), file: page.display) {
        case .failure(let problem):
            report.problems.append(problem)
        case .success(let outcome) where outcome.changes.isEmpty:
            report.lines.append("\(page.display): unchanged (it already says \(said))")
        case .success(let outcome):
            do {
                try write(outcome.bytes, to: page.path)
                report.lines.append("\(page.display): " + Self.describe(outcome))
            } catch {
                report.usage.append(
                    .error("usage", at: SourceLocation(file: page.display), "this file cannot be written: \(error.localizedDescription)"))
            }
        }
    }

    /// `reviewed: 2026-06-01` (and `owner: …`), for files that need no change.
    private var said: String {
        values.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }

    /// `owner: Priya Nair (was Support team), reviewed: 2026-06-01 (was 2025-01-06)`, `(added)`
    /// for a key that was not there, and `(new front matter)` for a file that had none.
    static func describe(_ outcome: FrontMatterEdit.Outcome) -> String {
        let parts = outcome.changes.map { change in
            let before = outcome.addedFrontMatter ? "new front matter" : change.old.map { "was \($0)" } ?? "added"
            return "\(change.key): \(change.new) (\(before))"
        }
        return parts.joined(separator: ", ")
    }

    /// Replaces the file's bytes in one step (a file beside it, renamed over it), keeping its
    /// permissions; a symbolic link keeps pointing at the file, which is the one written.
    private func write(_ bytes: [UInt8], to path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let permissions = try? FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions]
        try Data(bytes).write(to: target, options: .atomic)
        if let permissions {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: target.path)
        }
    }

    private func unknownOwner(_ owner: String, owners: [String]) -> Diagnostic {
        let near = owners.first { $0.lowercased() == owner.lowercased() }.map { "did you mean '\($0)'?" }
            ?? Suggestions.didYouMean(owner, in: owners)
        let hint = near.map { $0 + " Or add them under 'owners:' in playbook.yml" }
            ?? "the owners are: \(owners.joined(separator: ", ")); or add them under 'owners:' in playbook.yml"
        return .warning(
            "review/owner-unknown", at: SourceLocation(file: "--by"),
            "'\(owner)' is not listed under 'owners' in playbook.yml; the pages are given that owner all the same",
            hint: hint)
    }
}

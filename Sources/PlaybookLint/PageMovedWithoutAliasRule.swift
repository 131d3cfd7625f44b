public import PlaybookDiagnostics
public import PlaybookModel

/// A page file deleted or renamed since a git revision (`playbook lint --since REV`).
public struct PageMove: Sendable, Hashable {
    /// The file before, as findings name it: `content/old.md`.
    public var oldFile: String
    /// The file now; `nil` when it was deleted.
    public var newFile: String?
    /// The URL the old file had, without the base path: `/old/`.
    public var oldURL: String

    /// Creates a move.
    public init(oldFile: String, newFile: String?, oldURL: String) {
        self.oldFile = oldFile
        self.newFile = newFile
        self.oldURL = oldURL
    }
}

/// What the moved-page check needs of a page as it is now.
public struct PageAddress: Sendable, Hashable {
    /// The file, as findings name it: `content/new.md`.
    public var file: String
    /// Its URL, without the base path.
    public var url: String
    /// Its `aliases:`, each a path without the base path.
    public var aliases: [PageAlias]

    /// Creates an address.
    public init(file: String, url: String, aliases: [PageAlias]) {
        self.file = file
        self.url = url
        self.aliases = aliases
    }
}

/// `page/moved-without-alias`: a page was renamed or deleted since a revision, and nothing
/// answers at its old URL (no page has it, as its URL or in its `aliases:`).
struct PageMovedWithoutAliasRule: LintRule {
    /// Creates the rule.
    init() {}
    static let ruleID = "page/moved-without-alias"
    let id = ruleID
    let defaultSeverity = Severity.error
    let summary = "A page renamed or deleted since the revision given to `playbook lint --since` left its old URL with no page and no alias."
    let rationale = """
        A handbook's addresses travel: into tickets, chats and customer emails. A page that moves \
        without an alias breaks every one of them, silently, for the very people who trusted the \
        link. One line of front matter keeps the old address answering.
        """
    let step: String? = nil
    let enforces = "guide/links.md#when-a-page-moves"
    let failingExample = """
        # content/guide/escalations.md, renamed from content/guide/escalation.md
        title: Escalations
        """
    let passingExample = """
        # content/guide/escalations.md, renamed from content/guide/escalation.md
        title: Escalations
        aliases: [/guide/escalation/]
        """

    /// No plan finding: the rule reads moves, not plans.
    func check(_ input: LintInput) -> [RuleFinding] { [] }

    /// The moves whose old URL nothing answers at: at the new file (its `aliases:` key when it
    /// has one, else its first line), or at the deleted file's first line.
    func check(moves: [PageMove], pages: [PageAddress]) -> [RuleFinding] {
        var answered = Set(pages.map(\.url))
        for page in pages { answered.formUnion(page.aliases.map(\.path)) }
        let byFile = Dictionary(pages.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        return moves.filter { !answered.contains($0.oldURL) }.map { move in
            let line = "aliases: [\(move.oldURL)]"
            guard let newFile = move.newFile, let page = byFile[newFile] else {
                return RuleFinding(
                    at: SourceLocation(file: move.oldFile, line: 1, column: 1),
                    "\(move.oldFile) was deleted, and its URL \(move.oldURL) now leads nowhere",
                    hint: "add '\(line)' to the front matter of the page that replaces it")
            }
            let hint = page.aliases.isEmpty
                ? "add '\(line)' to its front matter" : "add \(move.oldURL) to its aliases: list"
            return RuleFinding(
                at: page.aliases.first?.location ?? SourceLocation(file: newFile, line: 1, column: 1),
                "this page moved from \(move.oldFile), and its old URL \(move.oldURL) now leads nowhere", hint: hint)
        }
    }
}

extension Linter {
    /// The findings of `page/moved-without-alias` for `moves`, given the pages as they are now;
    /// none when the rule is off.
    public func movedPageFindings(moves: [PageMove], pages: [PageAddress]) -> [LintFinding] {
        let rule = PageMovedWithoutAliasRule()
        guard scope.includesPages, let severity = config.severity(of: rule) else { return [] }
        return rule.check(moves: moves, pages: pages).map { finding(rule.id, severity: severity, $0, step: nil) }
    }
}

extension LintReport {
    /// The report with `findings` added to the files they are in (a file the lint did not read,
    /// such as a deleted one, gets a report of its own).
    public func adding(_ findings: [LintFinding]) -> LintReport {
        var files = self.files
        for finding in findings {
            if let index = files.firstIndex(where: { $0.file == finding.location.file }) {
                files[index].findings = (files[index].findings + [finding]).sorted()
            } else {
                files.append(PlanReport(file: finding.location.file, findings: [finding], isPlan: false))
            }
        }
        var report = LintReport(files: files)
        report.today = today
        return report
    }
}

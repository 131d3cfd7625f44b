public import PlaybookDiagnostics
public import PlaybookModel

/// One finding of the lint: the diagnostic as printed, plus the parts reporters show apart.
public struct LintFinding: Sendable, Hashable, Comparable {
    /// The finding in the compiler form: code is the rule id, message names the framework step,
    /// and the hint ends with links to the rule's page and the step's page.
    public var diagnostic: Diagnostic
    /// The rule's own advice ("did you mean …?"), without links.
    public var advice: String?
    /// The rule's page, for findings of a registered rule.
    public var helpURL: String?
    /// The title of the framework step the finding is about ("The Promise").
    public var stepTitle: String?
    /// The page that teaches that step.
    public var stepURL: String?

    /// Creates a finding.
    public init(diagnostic: Diagnostic, advice: String? = nil, helpURL: String? = nil, stepTitle: String? = nil, stepURL: String? = nil) {
        self.diagnostic = diagnostic
        self.advice = advice
        self.helpURL = helpURL
        self.stepTitle = stepTitle
        self.stepURL = stepURL
    }

    /// The rule id (or, for a file that is not a plan, `lint/not-a-plan`).
    public var ruleID: String { diagnostic.code }
    /// How serious it is.
    public var severity: Severity { diagnostic.severity }
    /// Where it is.
    public var location: SourceLocation { diagnostic.location }

    /// Orders findings as diagnostics are ordered: by file, line, column, then rule id.
    public static func < (lhs: LintFinding, rhs: LintFinding) -> Bool { lhs.diagnostic < rhs.diagnostic }
}

/// The lint's result for one file.
public struct PlanReport: Sendable {
    /// The file, as findings name it.
    public var file: String
    /// The plan, when the file is a plan whose front matter could be read.
    public var plan: EngagementPlan?
    /// The findings, sorted.
    public var findings: [LintFinding]
    /// False for a file that is not a plan (skipped, with at most a note, or checked as a page).
    public var isPlan: Bool
    /// True for a file that is not a plan and was checked by the page rules.
    public var isPage = false
    /// The page's owner and review, for files checked by the page rules.
    public var page: PageStatus?

    /// Creates a report.
    public init(file: String, plan: EngagementPlan? = nil, findings: [LintFinding], isPlan: Bool) {
        self.file = file
        self.plan = plan
        self.findings = findings.sorted()
        self.isPlan = isPlan
    }
}

/// The lint's result for a whole run.
public struct LintReport: Sendable {
    /// One report per file looked at, in the order given.
    public var files: [PlanReport]
    /// Every finding of every file, sorted by file, line and column.
    public var findings: [LintFinding]
    /// The day reviews were measured against, when the run had one.
    public var today: PlanDate?

    /// Creates a run's report from its files' reports.
    public init(files: [PlanReport]) {
        self.files = files
        findings = files.flatMap(\.findings).sorted()
    }

    /// How many of the files were plans.
    public var planCount: Int { files.filter(\.isPlan).count }

    /// How many of the files were other pages, checked by the page rules alone.
    public var pageCount: Int { files.filter { $0.isPage && !$0.isPlan }.count }

    /// The number of findings of a severity.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// True when the run must fail: any error, or with `strict` any warning too.
    public func failed(strict: Bool) -> Bool {
        findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }

    /// `checked 3 plans: 2 errors, 1 warning` (or `…: no problems`); `checked 3 plans and 12
    /// pages: …` when other pages were checked too.
    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts: [String] = []
        if count(.error) > 0 { parts.append(plural(count(.error), "error")) }
        if count(.warning) > 0 { parts.append(plural(count(.warning), "warning")) }
        if count(.note) > 0 { parts.append(plural(count(.note), "note")) }
        let counts = [planCount > 0 || pageCount == 0 ? plural(planCount, "plan") : nil, pageCount > 0 ? plural(pageCount, "page") : nil]
        let checked = counts.compactMap { $0 }.joined(separator: " and ")
        return "checked \(checked): " + (parts.isEmpty ? "no problems" : parts.joined(separator: ", "))
    }
}

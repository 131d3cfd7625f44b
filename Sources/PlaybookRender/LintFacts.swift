public import PlaybookDiagnostics
public import PlaybookModel

/// What the build's lint stage found and knows that pages show, as plain values: each plan's
/// findings, the rules of the generated `/lint/` pages, the site's lint settings, the buffer
/// that timeline diagrams draw, and a way to lint the examples fences show. PlaybookBuild makes
/// it from PlaybookLint once per build (plans are linted once, by the lint stage); Render shows
/// it and never runs a rule itself.
public struct LintFacts: Sendable {
    /// Each plan page's plan and findings, by the page's source path (`plans/acme.md`).
    public var plans: [String: PlanLint]
    /// The framework's steps by id (the site's framework, standard steps filling its gaps): what
    /// plan pages and rule pages call a step and link to.
    public var steps: [String: StepLink]
    /// The rules of the generated rule pages, in the order the index lists them.
    public var rules: [LintRulePage]
    /// The URL of the rules' index, `/lint/` under the base URL.
    public var indexURL: String
    /// The site's `lint:` settings as the index page shows them.
    public var settings: LintSettingsText
    /// The buffer in whole days that an engagement from the first date to the second needs,
    /// with the site's `lint.limits.buffer`: what timeline diagrams draw.
    public var bufferDays: @Sendable (PlanDate, PlanDate) -> Int
    /// Lints the plans that ```` ```lint ```` and ```` ```yaml plan ```` fences show.
    public var examples: ExampleLinter
    /// The day page reviews are measured against (`--today`, else SOURCE_DATE_EPOCH, else the
    /// clock); `nil` shows no review status.
    public var today: PlanDate?

    /// Creates the facts; PlaybookBuild's lint stage is the one that knows them.
    public init(
        plans: [String: PlanLint], steps: [String: StepLink], rules: [LintRulePage], indexURL: String,
        settings: LintSettingsText, bufferDays: @escaping @Sendable (PlanDate, PlanDate) -> Int, examples: ExampleLinter,
        today: PlanDate? = nil
    ) {
        self.today = today
        self.plans = plans
        self.steps = steps
        self.rules = rules
        self.indexURL = indexURL
        self.settings = settings
        self.bufferDays = bufferDays
        self.examples = examples
    }
}

/// One plan page as the lint read it.
public struct PlanLint: Sendable {
    /// The plan, when its front matter could be read.
    public var plan: EngagementPlan?
    /// Its findings, sorted by line and column.
    public var findings: [PlanFinding]

    /// Creates a plan's lint result.
    public init(plan: EngagementPlan?, findings: [PlanFinding]) {
        self.plan = plan
        self.findings = findings
    }
}

/// One finding as a plan page lists it.
public struct PlanFinding: Sendable, Hashable {
    /// How serious the rule's configured severity says it is (before `fail-build: false`).
    public var severity: Severity
    /// The rule's id, `plan/owner`.
    public var ruleID: String
    /// The message, naming the framework step it is about.
    public var message: String
    /// The line of the plan's file, or 0 for the file as a whole.
    public var line: Int
    /// The rule's own advice, without links.
    public var advice: String?
    /// The rule's page.
    public var helpURL: String?

    /// Creates a finding.
    public init(severity: Severity, ruleID: String, message: String, line: Int, advice: String?, helpURL: String?) {
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.line = line
        self.advice = advice
        self.helpURL = helpURL
    }
}

/// A framework step as pages name and link it.
public struct StepLink: Sendable, Hashable {
    /// The step's title, `The Promise`.
    public var title: String
    /// The URL of the page that teaches it.
    public var url: String

    /// Creates a step's link.
    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

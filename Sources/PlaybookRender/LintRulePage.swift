public import PlaybookDiagnostics

/// What the generated page of one lint rule shows (`lint-rule.mustache`), and its row in the
/// index (`lint-index.mustache`), as plain values.
public struct LintRulePage: Sendable, Hashable {
    /// The rule's id, `plan/owner`.
    public var id: String
    /// The source path the rule's generated page is registered under, `lint/plan/owner.md`.
    public var pageSource: String
    /// The URL of the rule's page.
    public var url: String
    /// One sentence on what the rule checks; `code` spans in backquotes.
    public var summary: String
    /// Why the check matters; `code` spans in backquotes.
    public var rationale: String
    /// A plan fragment the rule reports.
    public var failingExample: String
    /// The same fragment put right.
    public var passingExample: String
    /// The severity the rule has unless `lint.rules` says otherwise.
    public var defaultSeverity: Severity
    /// The severity the site's `lint:` settings give it; `nil` when they turn it off.
    public var configuredSeverity: Severity?
    /// The id of the framework step the rule is about, if any.
    public var stepID: String?
    /// The content page (and anchor) the rule enforces, as in `framework.yml`: `framework/plan.md#pitfalls`.
    public var enforces: String
    /// The URL of `enforces`.
    public var enforcesURL: String

    /// Creates a rule's page values.
    public init(
        id: String, pageSource: String, url: String, summary: String, rationale: String, failingExample: String,
        passingExample: String, defaultSeverity: Severity, configuredSeverity: Severity?, stepID: String?,
        enforces: String, enforcesURL: String
    ) {
        self.id = id
        self.pageSource = pageSource
        self.url = url
        self.summary = summary
        self.rationale = rationale
        self.failingExample = failingExample
        self.passingExample = passingExample
        self.defaultSeverity = defaultSeverity
        self.configuredSeverity = configuredSeverity
        self.stepID = stepID
        self.enforces = enforces
        self.enforcesURL = enforcesURL
    }
}

/// The site's `lint:` settings as the rules' index shows them.
public struct LintSettingsText: Sendable, Hashable {
    /// `lint.limits.buffer`, as written back: `10%`.
    public var buffer: String
    /// `lint.limits.check-in`: `2 weeks`.
    public var checkIn: String
    /// `lint.limits.respond-within`: `1 business day`.
    public var respondWithin: String
    /// `lint.fail-build`: whether lint errors fail the build.
    public var failBuild: Bool

    /// Creates the settings' text.
    public init(buffer: String, checkIn: String, respondWithin: String, failBuild: Bool) {
        self.buffer = buffer
        self.checkIn = checkIn
        self.respondWithin = respondWithin
        self.failBuild = failBuild
    }
}

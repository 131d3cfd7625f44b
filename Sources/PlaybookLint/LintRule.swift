public import PlaybookDiagnostics
public import PlaybookModel

/// One rule of docs/engagement-plans.md: data that documents it (the `/lint/<id>/` page is
/// generated from these properties) and a small function that checks a plan.
///
/// Adding a rule is one new file with a type conforming to this protocol and one line in
/// `LintRegistry.rules`.
public protocol LintRule: Sendable {
    /// The stable id configs, CI logs and SARIF refer to: `plan/owner`.
    var id: String { get }
    /// The severity when the site's configuration does not set one.
    var defaultSeverity: Severity { get }
    /// One line saying when the rule fails.
    var summary: String { get }
    /// Why the rule exists, in a few plain sentences.
    var rationale: String { get }
    /// The framework step the rule belongs to (`promise`, `plan`, `execution`, `outcomes`), if any.
    var step: String? { get }
    /// The playbook page the rule enforces, relative to `content/`, optionally with `#anchor`.
    var enforces: String { get }
    /// A plan fragment (YAML) that fails the rule.
    var failingExample: String { get }
    /// The same fragment, fixed.
    var passingExample: String { get }

    /// Every finding of this rule in a plan; an empty list when the plan passes.
    func check(_ input: LintInput) -> [RuleFinding]
}

/// What a rule found: where, what, and (when it helps) what to do about it.
public struct RuleFinding: Sendable, Hashable {
    /// The offending node.
    public var location: SourceLocation
    /// What is wrong, in plain words, without the step's name (the linter adds it).
    public var message: String
    /// What to do, such as "did you mean 'Sam Ortiz'?".
    public var hint: String?
    /// The framework step the finding is about, when it differs from the rule's own step.
    public var step: String?

    /// Creates a finding.
    public init(at location: SourceLocation, _ message: String, hint: String? = nil, step: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
        self.step = step
    }
}

/// Everything a rule may look at: the decoded plan, the problems decoding found, the limits
/// in force and look-ups derived once from the plan.
public struct LintInput: Sendable {
    /// The plan as decoded.
    public let plan: EngagementPlan
    /// What decoding could not read (for the `schema/*` rules).
    public let problems: [PlanProblem]
    /// The configured limits.
    public let limits: LintLimits
    /// The team's names, when the team could be read; `nil` turns off "not on the team" checks
    /// (a missing team is already a `schema/invalid` finding).
    public let roster: Roster?
    /// The promises that could be read (none when the section is missing or unreadable).
    public let promises: [Promise]
    /// The tasks that could be read.
    public let tasks: [PlanTask]
    /// The ids of the promises; `nil` when the promise section is missing or unreadable, so
    /// references to promises cannot be checked.
    public let promiseIDs: Set<String>?
    /// The site's pages, for references to them (`checklists:`); `nil` when the plan is linted
    /// without its site, so such references are not checked.
    public let catalog: PageCatalog?

    /// Prepares the input for the rules.
    public init(plan: EngagementPlan, problems: [PlanProblem], limits: LintLimits, catalog: PageCatalog? = nil) {
        self.plan = plan
        self.problems = problems
        self.limits = limits
        self.catalog = catalog
        roster = Roster(team: plan.team)
        promises = plan.promises.value ?? []
        tasks = plan.tasks.value ?? []
        if let promises = plan.promises.value, !promises.isEmpty {
            promiseIDs = Set(promises.compactMap(\.id.value))
        } else {
            promiseIDs = nil
        }
    }

    /// The engagement's dates, when both could be read and `end` is after `start`.
    public var dates: (start: PlanDate, end: PlanDate)? {
        guard let start = plan.start.value, let end = plan.end.value, start < end else { return nil }
        return (start, end)
    }
}

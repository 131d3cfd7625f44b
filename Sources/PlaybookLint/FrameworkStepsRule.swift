internal import PlaybookDiagnostics
internal import PlaybookModel

/// `framework/steps`: one of the framework's four steps is missing or empty.
struct FrameworkStepsRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "framework/steps"
    let defaultSeverity = Severity.error
    let summary = "One of the framework's steps (promise, plan, execution, outcomes) is missing or empty."
    let rationale = """
        The framework works as a chain: the Promise says what the customer gets, the Plan says \
        how, Execution says how it is run with the customer, and Outcomes prove it was \
        delivered. A plan that skips a step breaks the chain at that point, and the customer \
        is the one who finds the gap.
        """
    let step: String? = nil
    let enforces = "framework/_index.md#the-four-steps"
    let failingExample = """
        promise:
          - id: planning-time
            outcome: Dispatchers plan a day's routes in under 30 minutes
        plan:
          - id: import-depots
            serves: [planning-time]
        execution:
          check-in: {every: 1 week, how: Tuesday call}
        outcomes: []
        """
    let passingExample = """
        outcomes:
          - promise: planning-time
            measured-on: 2026-03-13
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        EngagementPlan.stepKeys.compactMap { key -> RuleFinding? in
            switch input.plan.stepField(key) {
            case .missing?:
                RuleFinding(
                    at: input.plan.location, "the plan has no '\(key)' section",
                    hint: "add '\(key):' with at least one entry", step: key)
            case .empty(let location)?:
                RuleFinding(at: location, "'\(key)' is empty", hint: "add at least one entry under '\(key):'", step: key)
            default:
                nil
            }
        }
    }
}

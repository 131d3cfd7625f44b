public import PlaybookDiagnostics
internal import PlaybookModel

/// `plan/coverage`: every promise is served by at least one task.
public struct PlanCoverageRule: LintRule {
    /// Creates the rule.
    public init() {}
    public let id = "plan/coverage"
    public let defaultSeverity = Severity.error
    public let summary = "A promise that no task serves."
    public let rationale = """
        If no task serves a promise, nobody is working on it, and it will be broken on the day \
        it falls due. Trace each promise to the tasks that deliver it before the plan is shown to \
        the customer.
        """
    public let step: String? = "plan"
    public let enforces = "framework/plan.md#what-good-looks-like"
    public let failingExample = """
        promise:
          - id: planning-time
          - id: fewer-miles
        plan:
          - id: import-depots
            serves: [planning-time]
        """
    public let passingExample = """
        promise:
          - id: planning-time
          - id: fewer-miles
        plan:
          - id: import-depots
            serves: [planning-time, fewer-miles]
        """

    public func check(_ input: LintInput) -> [RuleFinding] {
        guard input.plan.tasks.value != nil else { return [] }
        let served = Set(input.tasks.flatMap { $0.serves.value ?? [] }.map(\.value))
        return input.promises.compactMap { promise -> RuleFinding? in
            guard let id = promise.id.value, !served.contains(id) else { return nil }
            return RuleFinding(
                at: promise.location, "no task serves promise '\(id)'",
                hint: "add a task with 'serves: [\(id)]', or drop the promise with the customer's agreement")
        }
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel

/// `plan/coverage`: every promise is served by at least one task.
struct PlanCoverageRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "plan/coverage"
    let defaultSeverity = Severity.error
    let summary = "A promise that no task serves."
    let rationale = """
        If no task serves a promise, nobody is working on it, and it will be broken on the day \
        it falls due. Trace each promise to the tasks that deliver it before the plan is shown to \
        the customer.
        """
    let step: String? = "plan"
    let enforces = "framework/plan.md#what-good-looks-like"
    let failingExample = """
        promise:
          - id: planning-time
          - id: fewer-miles
        plan:
          - id: import-depots
            serves: [planning-time]
        """
    let passingExample = """
        promise:
          - id: planning-time
          - id: fewer-miles
        plan:
          - id: import-depots
            serves: [planning-time, fewer-miles]
        """

    func check(_ input: LintInput) -> [RuleFinding] {
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

internal import PlaybookDiagnostics
internal import PlaybookModel

/// `plan/serves`: every task serves at least one existing promise.
struct PlanServesRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "plan/serves"
    let defaultSeverity = Severity.error
    let summary = "A task serves nothing, or serves an id that is not a promise."
    let rationale = """
        A task that serves no promise spends the customer's time on something they did not ask \
        for; a task that names a promise that does not exist is usually a typo that hides which \
        promise it really serves. Trace every task to the promise it delivers.
        """
    let step: String? = "plan"
    let enforces = "framework/plan.md#what-good-looks-like"
    let failingExample = """
        plan:
          - id: import-depots
            task: Import depot and fleet data
            serves: [planing-time]
        """
    let passingExample = """
        plan:
          - id: import-depots
            task: Import depot and fleet data
            serves: [planning-time]
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        for task in input.tasks {
            switch task.serves {
            case .missing, .empty:
                findings.append(
                    RuleFinding(
                        at: task.serves.location ?? task.location, "task \(task.label) serves no promise",
                        hint: "add 'serves: [<promise id>]' naming the promises it delivers"))
            case .value(let ids, _):
                guard let promiseIDs = input.promiseIDs else { continue }
                for id in ids where !promiseIDs.contains(id.value) {
                    findings.append(
                        RuleFinding(
                            at: id.location, "task \(task.label) serves '\(id.value)', which is not a promise",
                            hint: Suggestions.didYouMean(id.value, in: promiseIDs.sorted())
                                ?? "the promises are: \(promiseIDs.sorted().joined(separator: ", "))"))
                }
            case .invalid:
                continue
            }
        }
        return findings
    }
}

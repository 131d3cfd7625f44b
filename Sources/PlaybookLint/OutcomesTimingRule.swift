internal import PlaybookDiagnostics
internal import PlaybookModel

/// `outcomes/timing`: an outcome is measured once the work behind it is due.
struct OutcomesTimingRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "outcomes/timing"
    let defaultSeverity = Severity.warning
    let summary = "An outcome is `measured-on` before the last task serving its promise is due."
    let rationale = """
        A measure taken before the work that drives it is finished proves nothing and invites a \
        dispute later. Measure each promise after the last task serving it, and ideally inside \
        the buffer, so the proof lands on or before the promised date.
        """
    let step: String? = "outcomes"
    let enforces = "framework/outcomes.md#pitfalls"
    let failingExample = """
        plan:
          - id: go-live
            due: 2026-03-06
            serves: [planning-time]
        outcomes:
          - promise: planning-time
            measured-on: 2026-02-27
        """
    let passingExample = """
        plan:
          - id: go-live
            due: 2026-03-06
            serves: [planning-time]
        outcomes:
          - promise: planning-time
            measured-on: 2026-03-13
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        guard let outcomes = input.plan.outcomes.value else { return [] }
        var findings: [RuleFinding] = []
        for outcome in outcomes {
            guard let promise = outcome.promise.value, let measuredOn = outcome.measuredOn.located else { continue }
            var last: (task: PlanTask, due: PlanDate)?
            for task in input.tasks where (task.serves.value ?? []).contains(where: { $0.value == promise }) {
                guard let due = task.due.value else { continue }
                if last == nil || due > (last?.due ?? due) { last = (task, due) }
            }
            guard let last, measuredOn.value < last.due else { continue }
            findings.append(
                RuleFinding(
                    at: measuredOn.location,
                    "'\(promise)' is measured on \(measuredOn.value), before the last task serving it, \(last.task.label), is due (\(last.due))",
                    hint: "measure on or after \(last.due), once the work behind it is done"))
        }
        return findings
    }
}

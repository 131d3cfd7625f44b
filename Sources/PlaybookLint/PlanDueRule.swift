internal import PlaybookDiagnostics
internal import PlaybookModel

/// `plan/due`: every task is due inside the engagement.
struct PlanDueRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "plan/due"
    let defaultSeverity = Severity.error
    let summary = "A task's `due` is before `start` or after `end`."
    let rationale = """
        A task due after the promised end date breaks the promise on paper before any work has \
        started; one due before the start is a typo or work nobody has agreed to. Date every task \
        inside the engagement.
        """
    let step: String? = "plan"
    let enforces = "framework/plan.md#what-good-looks-like"
    let failingExample = """
        start: 2026-01-12
        end: 2026-03-20
        plan:
          - id: go-live
            due: 2026-03-27
        """
    let passingExample = """
        start: 2026-01-12
        end: 2026-03-20
        plan:
          - id: go-live
            due: 2026-03-06
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        guard let dates = input.dates else { return [] }
        let (start, end) = (dates.start, dates.end)
        return input.tasks.compactMap { task -> RuleFinding? in
            guard let due = task.due.located else { return nil }
            if due.value < start {
                return RuleFinding(
                    at: due.location, "task \(task.label) is due \(due.value), before the engagement starts (\(start))",
                    hint: "date it on or after 'start', or move 'start' if the work really begins earlier")
            }
            if due.value > end {
                return RuleFinding(
                    at: due.location, "task \(task.label) is due \(due.value), after the promised end (\(end))",
                    hint: "bring it forward, or agree a new end date with the customer before the plan goes out")
            }
            return nil
        }
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel

/// `plan/buffer`: the last task leaves a buffer before the promised end.
struct PlanBufferRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "plan/buffer"
    let defaultSeverity = Severity.warning
    let summary =
        "The last task is due later than `end` minus the buffer (default: 10% of the engagement's length, at least 1 day): under-promise, over-deliver."
    let rationale = """
        A plan that ends on the promised date has no room for the surprise nobody thought of. \
        Finishing a tenth of the engagement early absorbs it, and when nothing goes wrong the \
        buffer becomes the over-delivery: the customer gets the result early. The buffer is set \
        under lint.limits.buffer in playbook.yml, as a share ('10%') or a span ('1 week').
        """
    let step: String? = "plan"
    let enforces = "principles/four-traits.md#under-promise-and-over-deliver"
    let failingExample = """
        start: 2026-01-12
        end: 2026-03-20
        plan:
          - id: go-live
            due: 2026-03-18
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
        var last: (task: PlanTask, due: Located<PlanDate>)?
        for task in input.tasks {
            guard let due = task.due.located else { continue }
            if last == nil || due.value > (last?.due.value ?? due.value) { last = (task, due) }
        }
        // A task due after `end` is a `plan/due` finding already.
        guard let last, last.due.value <= end else { return [] }
        let days = input.limits.bufferDays(start: start, end: end)
        let latest = end.adding(days: -days)
        guard last.due.value > latest else { return [] }
        return [
            RuleFinding(
                at: last.due.location,
                "the last task, \(last.task.label), is due \(last.due.value), inside the \(days)-day buffer before the promised end (\(end))",
                hint: "finish by \(latest) (buffer: \(input.limits.buffer)) so a surprise does not break the promise")
        ]
    }
}

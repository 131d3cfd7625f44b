internal import PlaybookDiagnostics
internal import PlaybookModel

/// `engagement/dates`: `end` comes after `start`.
struct EngagementDatesRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "engagement/dates"
    let defaultSeverity = Severity.error
    let summary = "`end` is not after `start`."
    let rationale = """
        `end` is the date that was promised to the customer; every task, handoff and measurement \
        has to fit between the start and that date. An end on or before the start is a typo that \
        makes every other date check meaningless.
        """
    let step: String? = "plan"
    let enforces = "framework/plan.md#what-good-looks-like"
    let failingExample = """
        start: 2026-03-20
        end: 2026-01-12
        """
    let passingExample = """
        start: 2026-01-12
        end: 2026-03-20
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        guard let start = input.plan.start.value, let end = input.plan.end.located, end.value <= start else { return [] }
        return [
            RuleFinding(
                at: end.location, "'end' (\(end.value)) is not after 'start' (\(start))",
                hint: "'end' is the date you promised; check whether the two dates are swapped")
        ]
    }
}

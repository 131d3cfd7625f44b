public import PlaybookDiagnostics
internal import PlaybookModel

/// `engagement/dates`: `end` comes after `start`.
public struct EngagementDatesRule: LintRule {
    /// Creates the rule.
    public init() {}
    public let id = "engagement/dates"
    public let defaultSeverity = Severity.error
    public let summary = "`end` is not after `start`."
    public let rationale = """
        `end` is the date that was promised to the customer; every task, handoff and measurement \
        has to fit between the start and that date. An end on or before the start is a typo that \
        makes every other date check meaningless.
        """
    public let step: String? = "plan"
    public let enforces = "framework/plan.md#what-good-looks-like"
    public let failingExample = """
        start: 2026-03-20
        end: 2026-01-12
        """
    public let passingExample = """
        start: 2026-01-12
        end: 2026-03-20
        """

    public func check(_ input: LintInput) -> [RuleFinding] {
        guard let start = input.plan.start.value, let end = input.plan.end.located, end.value <= start else { return [] }
        return [
            RuleFinding(
                at: end.location, "'end' (\(end.value)) is not after 'start' (\(start))",
                hint: "'end' is the date you promised; check whether the two dates are swapped")
        ]
    }
}

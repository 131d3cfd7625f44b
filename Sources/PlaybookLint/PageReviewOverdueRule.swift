internal import PlaybookDiagnostics
internal import PlaybookModel

/// `page/review-overdue`: `reviewed` plus the review period is before today.
struct PageReviewOverdueRule: PageLintRule {
    /// Creates the rule.
    init() {}
    let id = "page/review-overdue"
    let defaultSeverity = Severity.warning
    let summary = "A page's `reviewed` date plus its `review-every` (or `freshness.review-every`) is before today."
    let rationale = """
        Guidance that was true last year may not be now. A review date and a period turn "someone \
        should look at this" into a day, and the finding names the owner so the reminder reaches a \
        person. Today is `--today`, else SOURCE_DATE_EPOCH, else the clock.
        """
    let step: String? = nil
    let enforces = "guide/writing-a-page.md#the-lines-at-the-top"
    let failingExample = """
        title: Handling a complaint
        owner: Support team
        reviewed: 2025-01-06
        review-every: 6 months
        """
    let passingExample = """
        title: Handling a complaint
        owner: Support team
        reviewed: 2026-05-04
        review-every: 6 months
        """

    func check(page input: PageLintInput) -> [RuleFinding] {
        guard let reviewed = input.freshness.reviewed,
            let status = ReviewStatus(freshness: input.freshness, defaultPeriod: input.settings.reviewEvery, today: input.settings.today),
            let late = status.daysOverdue
        else { return [] }
        let (due, date, period) = (status.due, status.reviewed, status.period)
        let owner = input.freshness.owner.map { "; its owner is \($0.value)" } ?? "; it has no owner"
        return [
            RuleFinding(
                at: reviewed.location,
                "the page was due for review on \(due) (reviewed \(date), every \(period)): \(late) day\(late == 1 ? "" : "s") overdue\(owner)",
                hint: "review the page, then set 'reviewed:' to the day of the review")
        ]
    }
}

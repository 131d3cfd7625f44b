internal import PlaybookDiagnostics
internal import PlaybookModel

/// `page/review-invalid`: `reviewed` is not a real `YYYY-MM-DD` day or is in the future, or
/// `review-every` is not a period.
struct PageReviewInvalidRule: PageLintRule {
    /// Creates the rule.
    init() {}
    let id = "page/review-invalid"
    let defaultSeverity = Severity.error
    let summary = "A page's `reviewed` is not a `YYYY-MM-DD` date or is after today, or its `review-every` is not a period such as `6 months`."
    let rationale = """
        A review date nobody can read, or one that has not happened yet, makes a page look cared \
        for when it may not be; the overdue check cannot run on it either. Periods are a whole \
        number of days, weeks, months or years.
        """
    let step: String? = nil
    let enforces = "guide/writing-a-page.md#the-lines-at-the-top"
    let failingExample = """
        title: Handling a complaint
        reviewed: 4 May 2026
        review-every: twice a year
        """
    let passingExample = """
        title: Handling a complaint
        reviewed: 2026-05-04
        review-every: 6 months
        """

    func check(page input: PageLintInput) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        if let reviewed = input.freshness.reviewed {
            if let date = PlanDate.parse(reviewed.value) {
                if let today = input.settings.today, today < date {
                    findings.append(
                        RuleFinding(
                            at: reviewed.location, "'reviewed' is \(date), after today (\(today))",
                            hint: "write the day the page was last reviewed, not a day to come"))
                }
            } else {
                findings.append(
                    RuleFinding(
                        at: reviewed.location, "'reviewed' must be a date written YYYY-MM-DD, not '\(reviewed.value)'",
                        hint: "such as '2026-05-04'"))
            }
        }
        if let every = input.freshness.reviewEvery, ReviewPeriod.parse(every.value) == nil {
            findings.append(
                RuleFinding(
                    at: every.location, "'review-every' must be a whole number of days, weeks, months or years, not '\(every.value)'",
                    hint: ReviewPeriod.examples))
        }
        return findings
    }
}

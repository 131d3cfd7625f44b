/// Where a page stands with its review on a given day: what the page shows readers and what
/// the `/owners/` page lists.
public struct ReviewStatus: Sendable, Hashable {
    /// The day of the last review.
    public var reviewed: PlanDate
    /// The day the next review is due.
    public var due: PlanDate
    /// Days since `due`, when it has passed.
    public var daysOverdue: Int?

    /// The period the status was measured with.
    public var period: ReviewPeriod

    /// The status of a page reviewed as `freshness` says, reviewed every `defaultPeriod` unless
    /// the page says otherwise (see `PageFreshness.period(default:)`); `nil` without a readable
    /// review date and period, with a review date after today, or without today. The page rule
    /// `page/review-overdue` and what pages show both measure with it.
    public init?(freshness: PageFreshness, defaultPeriod: ReviewPeriod?, today: PlanDate?) {
        guard let today, let reviewed = freshness.reviewedDate, reviewed <= today,
            let period = freshness.period(default: defaultPeriod)
        else { return nil }
        self.period = period
        self.reviewed = reviewed
        due = period.due(after: reviewed)
        daysOverdue = due < today ? today.days(since: due) : nil
    }
}

extension PlanDate {
    /// "Nov": the month's short English name, as pages and timeline diagrams write it.
    public var monthName: String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
    }

    /// "2 Nov 2026", as pages show a day.
    public var readable: String { "\(day) \(monthName) \(year)" }

    /// "Nov 2026", as pages show when a review is next due.
    public var readableMonth: String { "\(monthName) \(year)" }
}

/// Where a page stands with its review on a given day: what the page shows readers and what
/// the `/owners/` page lists.
public struct ReviewStatus: Sendable, Hashable {
    /// The day of the last review.
    public var reviewed: PlanDate
    /// The day the next review is due.
    public var due: PlanDate
    /// Days since `due`, when it has passed.
    public var daysOverdue: Int?

    /// The status of a page reviewed as `freshness` says, reviewed every `defaultPeriod` unless
    /// the page says otherwise; `nil` without a readable review date and period, or without today.
    public init?(freshness: PageFreshness, defaultPeriod: ReviewPeriod?, today: PlanDate?) {
        guard let today, let reviewed = freshness.reviewedDate, reviewed <= today,
            let period = freshness.reviewPeriod ?? defaultPeriod
        else { return nil }
        self.reviewed = reviewed
        due = period.due(after: reviewed)
        daysOverdue = due < today ? today.days(since: due) : nil
    }
}

extension PlanDate {
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "2 Nov 2026", as pages show a day.
    public var readable: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    /// "Nov 2026", as pages show when a review is next due.
    public var readableMonth: String { "\(Self.monthNames[month - 1]) \(year)" }
}

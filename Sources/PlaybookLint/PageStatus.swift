public import PlaybookModel

/// A page's owner and review as the lint saw them: what the summary format lists overdue pages
/// by.
public struct PageStatus: Sendable, Hashable {
    /// `owner:`, as written; `nil` when the page names none.
    public var owner: String?
    /// `reviewed:`, when it is a real day.
    public var reviewed: PlanDate?
    /// When the next review is due: `reviewed` plus the page's period (or the site's); `nil`
    /// without a review date or a period.
    public var due: PlanDate?

    /// Creates a status.
    public init(owner: String? = nil, reviewed: PlanDate? = nil, due: PlanDate? = nil) {
        self.owner = owner
        self.reviewed = reviewed
        self.due = due
    }
}

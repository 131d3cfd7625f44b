/// When a page's file last changed in git, and who changed it: the newest commit that touched
/// the file (renames followed, a pure move not counting as a change).
public struct GitFact: Sendable, Hashable {
    /// The commit's date, as a day in UTC.
    public var date: PlanDate
    /// The commit's author, as git records the name.
    public var author: String
    /// The commit's full hash.
    public var commit: String

    /// Creates a fact.
    public init(date: PlanDate, author: String, commit: String) {
        self.date = date
        self.author = author
        self.commit = commit
    }

    /// The date as readers see it: `14 Nov 2026`.
    public var displayDate: String { date.readable }
}

public import PlaybookDiagnostics

/// Who owns a page and when it was last reviewed: the `owner`, `reviewed` and `review-every`
/// keys of its front matter, each as written, positioned at its key.
///
/// The values are kept as text so the lint can say what is wrong with a date or a period
/// (`page/review-invalid`); `reviewedDate` and `reviewPeriod` read them.
public struct PageFreshness: Sendable, Hashable {
    /// `owner:`: one person or team accountable for the page.
    public var owner: Located<String>?
    /// `reviewed:`: the date of the last review, meant as `YYYY-MM-DD`.
    public var reviewed: Located<String>?
    /// `review-every:`: how often the page is reviewed, meant as `90 days`, `6 months`…
    public var reviewEvery: Located<String>?

    /// The front matter keys this type reads.
    public static let keys = ["owner", "reviewed", "review-every"]

    /// Creates the facts; none by default.
    public init(owner: Located<String>? = nil, reviewed: Located<String>? = nil, reviewEvery: Located<String>? = nil) {
        self.owner = owner
        self.reviewed = reviewed
        self.reviewEvery = reviewEvery
    }

    /// The review date, when `reviewed` is a real `YYYY-MM-DD` day.
    public var reviewedDate: PlanDate? { reviewed.flatMap { PlanDate.parse($0.value) } }

    /// The page's own period, when `review-every` reads as one.
    public var reviewPeriod: ReviewPeriod? { reviewEvery.flatMap { ReviewPeriod.parse($0.value) } }

    /// The period in force: the page's own when it reads as one, else `sitePeriod` (the site's
    /// `freshness.review-every`). `nil` when the page's own cannot be read: no due date is made
    /// up for it (that is `page/review-invalid`'s finding).
    public func period(default sitePeriod: ReviewPeriod?) -> ReviewPeriod? {
        guard let own = reviewEvery else { return sitePeriod }
        return ReviewPeriod.parse(own.value)
    }

    /// True when none of the keys is written.
    public var isEmpty: Bool { owner == nil && reviewed == nil && reviewEvery == nil }

    /// Reads the facts alone from a front matter's root node (as the lint does, which leaves the
    /// other keys to the build).
    ///
    /// - Returns: the facts and an error for each key of the wrong type (such as a list of owners).
    public static func read(from root: YAMLNode?, file: String) -> (PageFreshness, [Diagnostic]) {
        var freshness = PageFreshness()
        var reader = FieldReader(file: file)
        for (keyNode, value) in root?.mapping ?? [] where keys.contains(keyNode.scalarText ?? "") {
            freshness.read(key: keyNode, value: value, reader: &reader)
        }
        return (freshness, reader.problems)
    }

    /// Reads one of `keys` into the facts: text only. A list of owners, or any list or mapping,
    /// is an error at the value (a page has one owner).
    mutating func read(key keyNode: YAMLNode, value: YAMLNode, reader: inout FieldReader) {
        let key = keyNode.scalarText ?? ""
        if key == "owner", value.sequence != nil {
            reader.wrongType(
                value, key: key, expected: "one name",
                hint: "a page has one owner, a person or a team; name the team if several people share it")
            return
        }
        guard let text = reader.string(value, key: key) else { return }
        let located = Located(text, at: keyNode.location)
        switch key {
        case "owner": owner = located
        case "reviewed": reviewed = located
        default: reviewEvery = located
        }
    }
}

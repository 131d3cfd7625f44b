public import PlaybookModel
internal import Foundation

/// What pages show of who owns them and when they were reviewed, the "Report a problem" link,
/// and the `/owners/` page: every owner with their pages, overdue reviews first.
///
/// A page's values are under `ownership` (`owner`, `ownerURL`, `reviewed`, `reviewedISO`,
/// `nextReview`, `nextReviewISO`, `isOverdue`, `due`, `dueISO`, `daysOverdue`, `reportURL`),
/// with `hasOwnership` when it has an owner or a review date.
struct OwnershipViewModel {
    let site: Site
    let today: PlanDate?

    /// Every key these values add to the templates' names.
    static let keys: Set<String> = [
        "ownership", "hasOwnership", "owner", "ownerURL", "reviewed", "reviewedISO", "nextReview", "nextReviewISO",
        "isOverdue", "due", "dueISO", "daysOverdue", "reportURL", "owners", "pages", "name", "status", "hasPages",
        "overdueCount", "hasOverdue", "pageCount", "hasOwners",
    ]

    /// The `ownership` values of `page`; empty when it shows nothing (no owner, no review date,
    /// no repository to report to).
    func context(for page: Page) -> [String: Any] {
        var values = facts(of: page)
        if let report = reportURL(for: page) { values["reportURL"] = report }
        guard !values.isEmpty else { return [:] }
        return ["ownership": values, "hasOwnership": page.freshness.owner != nil || page.freshness.reviewed != nil]
    }

    private func facts(of page: Page) -> [String: Any] {
        var values: [String: Any] = [:]
        if let owner = page.freshness.owner?.value {
            values["owner"] = owner
            if let contact = site.config.owners?.first(where: { $0.name.value == owner })?.contact { values["ownerURL"] = contact }
        }
        guard let status = ReviewStatus(freshness: page.freshness, defaultPeriod: site.config.freshness.reviewEvery, today: today)
        else { return values }
        values["reviewed"] = status.reviewed.readable
        values["reviewedISO"] = status.reviewed.description
        values["nextReview"] = status.due.readableMonth
        values["nextReviewISO"] = status.due.description
        values["isOverdue"] = status.daysOverdue != nil
        values["due"] = status.due.readable
        values["dueISO"] = status.due.description
        if let days = status.daysOverdue { values["daysOverdue"] = days }
        return values
    }

    /// A new issue in the site's repository, its title the page's and its body the page's address
    /// and owner; `nil` without `repository`.
    private func reportURL(for page: Page) -> String? {
        guard let repository = site.config.repository, page.kind.isWritten else { return nil }
        let trimmed = repository.hasSuffix("/") ? String(repository.dropLast()) : repository
        let address = (site.config.origin ?? "") + site.config.basePath + page.url.dropFirst()
        var body = "Page: \(address)"
        if let owner = page.freshness.owner?.value { body += "\nOwner: \(owner)" }
        return "\(trimmed)/issues/new?title=\(Self.queryValue(page.title))&body=\(Self.queryValue(body))"
    }

    private static func queryValue(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

internal import PlaybookModel

extension OwnershipViewModel {
    /// The `/owners/` page's values: `owners`, each with `name`, `ownerURL`, `pageCount` ("3 pages"),
    /// `overdueCount` and its `pages` (`title`, `url`, `reviewed`, `nextReview`, `status`,
    /// `isOverdue`), overdue first, then by next review. Owners come in the order of `owners:`
    /// in playbook.yml, then those only pages name, then pages without an owner.
    func ownersContext() -> [String: Any] {
        var byOwner: [String: [Page]] = [:]
        for page in site.pages where page.kind.isWritten {
            byOwner[page.freshness.owner?.value ?? "", default: []].append(page)
        }
        let listed = (site.config.owners ?? []).map(\.name.value)
        let others = byOwner.keys.filter { !$0.isEmpty && !listed.contains($0) }.sorted()
        var names = listed + others
        if byOwner[""] != nil { names.append("") }
        let owners = names.map { name -> [String: Any] in
            let rows = (byOwner[name] ?? []).map(row).sorted(by: Self.overdueFirst)
            var owner: [String: Any] = [
                "name": name.isEmpty ? "No owner" : name, "pages": rows.map(\.values), "hasPages": !rows.isEmpty,
                "pageCount": rows.count == 1 ? "1 page" : "\(rows.count) pages", "overdueCount": rows.filter(\.overdue).count,
                "hasOverdue": rows.contains(where: \.overdue),
            ]
            if let contact = site.config.owners?.first(where: { $0.name.value == name })?.contact { owner["ownerURL"] = contact }
            return owner
        }
        return ["owners": owners, "hasOwners": !owners.isEmpty]
    }

    private struct Row {
        var values: [String: Any]
        var overdue: Bool
        var due: PlanDate?
        var title: String
    }

    private func row(_ page: Page) -> Row {
        let status = ReviewStatus(freshness: page.freshness, defaultPeriod: site.config.freshness.reviewEvery, today: today)
        var values: [String: Any] = ["title": page.title, "url": site.config.basePath + page.url.dropFirst()]
        if let status {
            values["reviewed"] = status.reviewed.readable
            values["reviewedISO"] = status.reviewed.description
            values["nextReview"] = status.due.readable
            values["nextReviewISO"] = status.due.description
            values["isOverdue"] = status.daysOverdue != nil
            values["status"] = status.daysOverdue.map { "Overdue by \($0) day\($0 == 1 ? "" : "s")" } ?? "Up to date"
        } else {
            values["status"] = page.freshness.reviewed == nil ? "Never reviewed" : "Review date unreadable"
        }
        return Row(values: values, overdue: status?.daysOverdue != nil, due: status?.due, title: page.title)
    }

    /// Overdue first, then the soonest due, then pages without a review date, by title.
    private static func overdueFirst(_ a: Row, _ b: Row) -> Bool {
        if a.overdue != b.overdue { return a.overdue }
        switch (a.due, b.due) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.title < b.title
        }
    }
}

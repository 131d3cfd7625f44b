internal import PlaybookMarkdown
internal import PlaybookModel

/// The checklists a plan names (`checklists:`), as runs for this engagement on the plan's page:
/// each checklist's own task items, grouped under the headings above them, each box with an id
/// of its own on the page (the script keeps the ticks per plan and item).
///
/// A name that is not a checklist of the site is left out here: it is the lint's finding
/// (`plan/checklist`), which the page shows.
struct PlanChecklists {
    /// Template names these values provide, for the template check.
    static let keys: Set<String> = [
        "planChecklists", "hasPlanChecklists", "planChecklistItems", "runTitle", "runURL", "runID", "runCount",
        "runGroups", "hasRunItems", "groupHeading", "hasGroupHeading", "groupItems", "itemID", "itemText",
        "itemChecked",
    ]

    let site: Site
    let markdown: MarkdownRenderer

    /// `planChecklists` (one entry per checklist), `hasPlanChecklists` and `planChecklistItems`
    /// (the number of boxes in all of them).
    func context(for plan: EngagementPlan) -> [String: Any] {
        var seen: Set<String> = []
        var ids: Set<String> = []
        var runs: [[String: Any]] = []
        var total = 0
        for name in plan.checklists.value ?? [] where seen.insert(name.value).inserted {
            guard let index = site.pageIndexBySource[name.value], site.pages[index].isChecklist else { continue }
            let page = site.pages[index]
            var runID = "run-" + Self.slug(page.sourcePath)
            while !ids.insert(runID).inserted { runID += "-2" }
            let rendered = markdown.render(page.body)
            total += rendered.tasks.count
            runs.append([
                "runTitle": page.title, "runURL": site.config.basePath + page.url.dropFirst(), "runID": runID,
                "runCount": rendered.tasks.count, "hasRunItems": !rendered.tasks.isEmpty,
                "runGroups": Self.groups(rendered, runID: runID),
            ])
        }
        return ["planChecklists": runs, "hasPlanChecklists": !runs.isEmpty, "planChecklistItems": total]
    }

    /// The task items under the heading above each (items above every heading have none), in
    /// the checklist's order.
    static func groups(_ rendered: RenderedMarkdown, runID: String) -> [[String: Any]] {
        var groups: [(heading: String?, items: [[String: Any]])] = []
        for task in rendered.tasks {
            let heading = rendered.headings.last { $0.line < task.line }?.text
            let item: [String: Any] = ["itemID": runID + "-" + task.id, "itemText": task.text, "itemChecked": task.checked]
            if let last = groups.last, last.heading == heading {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append((heading, [item]))
            }
        }
        return groups.map { ["groupHeading": $0.heading ?? "", "hasGroupHeading": $0.heading != nil, "groupItems": $0.items] }
    }

    /// `checklists/kick-off.md` → `checklists-kick-off`: letters and digits kept, lower case.
    static func slug(_ path: String) -> String {
        let name = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
        let mapped = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(mapped)
    }
}

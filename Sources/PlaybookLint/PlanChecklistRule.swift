internal import PlaybookDiagnostics
internal import PlaybookModel

/// `plan/checklist`: every entry of a plan's `checklists:` names a checklist page of the site.
struct PlanChecklistRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "plan/checklist"
    let defaultSeverity = Severity.error
    let summary = "An entry of `checklists` is not a checklist page: no such page, or a page that is not tagged `checklist`."
    let rationale = """
        The plan's page shows the checklists the team runs for this engagement, ready to tick. A \
        name that leads nowhere, or to a page without boxes, leaves a moment of the engagement \
        unchecked while the plan looks complete. Name each checklist by its path in the content \
        folder.
        """
    let step: String? = "plan"
    let enforces = "guide/plans.md#checklists-the-team-runs"
    let failingExample = """
        checklists:
          - checklists/kickoff.md
        """
    let passingExample = """
        checklists:
          - checklists/kick-off.md
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        guard let catalog = input.catalog, let names = input.plan.checklists.value else { return [] }
        return names.compactMap { name in
            let path = name.value
            if let page = catalog[path] {
                guard !page.isChecklist else { return nil }
                return RuleFinding(
                    at: name.location, "'\(path)' is the page '\(page.title)', which is not a checklist",
                    hint: Suggestions.didYouMean(path, in: catalog.checklistPaths)
                        ?? "a checklist is a page tagged 'checklist' (tags: [checklist]); \(Self.known(catalog))")
            }
            return RuleFinding(
                at: name.location, "'\(path)' names no page, so the team has no checklist to run",
                hint: Suggestions.didYouMean(path, in: catalog.checklistPaths)
                    ?? "write the path relative to the content folder, such as 'checklists/kick-off.md'; \(Self.known(catalog))")
        }
    }

    /// `the checklists are: a.md, b.md`, or that there are none.
    static func known(_ catalog: PageCatalog) -> String {
        catalog.checklistPaths.isEmpty
            ? "the site has no checklist pages"
            : "the checklists are: \(catalog.checklistPaths.joined(separator: ", "))"
    }
}

internal import PlaybookMarkdown
internal import PlaybookModel

/// The extra values of the pages whose kind the build knows more about: plans, and the generated
/// lint pages.
struct TypedPageContext {
    let site: Site
    /// The plans' findings, and the rules of the lint pages.
    let lint: LintFacts
    /// Draws a plan page's diagrams.
    let fences: FenceRenderer
    /// Renders the checklists a plan names, for their task items.
    let markdown: MarkdownRenderer

    /// Values to merge into the page's context; empty for other pages.
    func context(for page: Page) -> [String: Any] {
        let ownership = OwnershipViewModel(site: site, today: lint.today)
        switch page.kind {
        case .plan:
            guard let planLint = lint.plans[page.sourcePath], let plan = planLint.plan else { return ownership.context(for: page) }
            var values = PlanViewModel(plan: plan, findings: planLint.findings, steps: lint.steps).context()
            // Every plan page gets its traceability and timeline diagrams, drawn from the plan.
            let diagrams = fences.planDiagrams(for: page)
            values["planDiagrams"] = diagrams.joined(separator: "\n")
            values["hasPlanDiagrams"] = !diagrams.isEmpty
            values.merge(PlanChecklists(site: site, markdown: markdown).context(for: plan)) { first, _ in first }
            return values.merging(ownership.context(for: page)) { first, _ in first }
        case .lintRule:
            guard let rule = lint.rules.first(where: { $0.pageSource == page.sourcePath }) else { return [:] }
            return LintPageViewModel(site: site, lint: lint).ruleContext(rule)
        case .lintIndex:
            return LintPageViewModel(site: site, lint: lint).indexContext()
        case .owners:
            return ownership.ownersContext()
        case .print:
            return [:]
        case .page:
            return ownership.context(for: page)
        }
    }
}

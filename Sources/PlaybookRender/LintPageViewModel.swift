internal import PlaybookDiagnostics
internal import PlaybookLint
internal import Foundation
internal import PlaybookMarkdown
internal import PlaybookModel

/// The values of the generated lint pages: one per rule (`lint-rule.mustache`) and the index
/// (`lint-index.mustache`), all from `LintRegistry` and the site's `lint:` configuration.
struct LintPageViewModel {
    /// Template names this view model provides, for the template check.
    static let keys: Set<String> = [
        "rule", "rules", "hasRules", "segments", "isCode", "rationale", "failing", "passing", "step", "stepURL",
        "hasStep", "enforcesURL", "hasEnforcesURL", "enforcesTitle", "defaultSeverity", "configured", "isOff", "isChanged",
        "configExample", "enforcesSection", "hasEnforcesSection", "index", "indexURL", "limits", "buffer", "checkIn", "respondWithin", "failBuild",
    ]

    let site: Site
    let config: LintConfig

    /// The `lint:` section with every setting, as the index page shows it.
    static let indexExample = """
        lint:
          fail-build: true
          rules:
            promise/vague: error
          limits:
            buffer: 10%
            check-in: 2 weeks
            respond-within: 1 business day
        """

    private var links: LintLinks { LintLinks(baseURL: site.config.basePath) }

    /// The context of the page for `ruleID`.
    func ruleContext(_ ruleID: String) -> [String: Any] {
        guard let rule = LintRegistry.rule(id: ruleID) else { return [:] }
        return ["rule": values(rule), "indexURL": links.index]
    }

    /// The text of the Markdown heading of `page` whose anchor is `anchor` (ATX headings).
    static func heading(_ anchor: String, in page: Page) -> String? {
        for line in page.body.split(separator: "\n") where line.hasPrefix("#") {
            let text = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            if Slugger.slug(text) == anchor { return text }
        }
        return nil
    }

    /// The context of the index page.
    func indexContext() -> [String: Any] {
        let rules = LintRegistry.rules.map(values)
        let limits: [String: Any] = [
            "buffer": config.limits.buffer.description, "checkIn": config.limits.checkIn.description,
            "respondWithin": config.limits.respondWithin.description, "failBuild": config.failBuild,
        ]
        return [
            "rules": rules, "hasRules": !rules.isEmpty, "limits": limits, "indexURL": links.index,
            "configExample": Self.indexExample,
        ]
    }

    private func values(_ rule: any LintRule) -> [String: Any] {
        let configured = config.severity(of: rule)
        let step = rule.step.flatMap { site.framework?.step($0) ?? Framework.standard.step($0) }
        let parts = rule.enforces.split(separator: "#", maxSplits: 1).map(String.init)
        let enforcedPage = site.pageIndexBySource[parts.first ?? ""].map { site.pages[$0] }
        let section = parts.count == 2 ? enforcedPage.flatMap { Self.heading(parts[1], in: $0) } : nil
        return [
            "id": rule.id, "url": links.rule(rule.id), "summary": InlineCode.segments(rule.summary),
            "rationale": InlineCode.segments(rule.rationale), "failing": rule.failingExample,
            "passing": rule.passingExample, "defaultSeverity": rule.defaultSeverity.rawValue,
            "configured": configured?.rawValue ?? "off", "isOff": configured == nil,
            "isChanged": configured != rule.defaultSeverity,
            "hasStep": step != nil, "step": step?.title ?? "", "stepURL": step.map { links.page($0.page) } ?? "",
            "enforcesTitle": enforcedPage?.title ?? rule.enforces,
            "enforcesURL": enforcedPage == nil ? "" : links.page(rule.enforces), "hasEnforcesURL": enforcedPage != nil,
            "enforcesSection": section ?? "", "hasEnforcesSection": section != nil,
            "configExample": "lint:\n  rules:\n    \(rule.id): \(rule.defaultSeverity == .error ? "warning" : "error")",
        ]
    }
}

/// The extra values of pages whose type the lint knows: plans, and the generated rule pages.
struct TypedPageContext {
    let site: Site
    /// Draws a plan page's diagrams.
    let fences: FenceRenderer

    /// Values to merge into the page's context; empty for other pages.
    func context(for page: Page) -> [String: Any] {
        switch page.kind {
        case .plan:
            let config = LintConfig.parse(site.config.lint).0
            let linter = Linter(config: config, framework: site.framework, baseURL: site.config.basePath)
            guard let report = linter.lint(page: page), let plan = report.plan else { return [:] }
            let framework = linter.framework
            var values = PlanViewModel(plan: plan, findings: report.findings, framework: framework, basePath: site.config.basePath)
                .context()
            // Every plan page gets its traceability and timeline diagrams, drawn from the plan.
            let diagrams = fences.planDiagrams(for: page)
            values["planDiagrams"] = diagrams.joined(separator: "\n")
            values["hasPlanDiagrams"] = !diagrams.isEmpty
            return values
        case .lintRule:
            guard let id = LintDocs.ruleID(forPageSource: page.sourcePath) else { return [:] }
            return LintPageViewModel(site: site, config: LintConfig.parse(site.config.lint).0).ruleContext(id)
        case .lintIndex:
            return LintPageViewModel(site: site, config: LintConfig.parse(site.config.lint).0).indexContext()
        case .page:
            return [:]
        }
    }
}

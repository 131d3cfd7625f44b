internal import PlaybookDiagnostics
public import PlaybookModel

/// The lint's entry point: checks plans against the framework with the configured rules and
/// returns findings as values. Pure apart from reading files (see `Linter+Files.swift`).
public struct Linter: Sendable {
    /// Severities and limits.
    public let config: LintConfig
    /// The framework whose steps messages name.
    public let framework: Framework
    /// Where findings link to.
    public let links: LintLinks
    /// The rules that run.
    public let rules: [any LintRule]
    /// The rules that check pages, and those that check plans: sorted once here, as a cast per
    /// rule per page was 1% of a 1,000-page build's CPU (measured with perf).
    let pageRules: [any PageLintRule]
    let planRules: [any LintRule]
    /// What the page rules measure against: the site's owners, review period and today.
    public let pages: PageLintSettings
    /// Whether plans, pages or both are checked.
    public let scope: LintScope
    /// The site's pages, which plans' `checklists:` must name; `nil` leaves those unchecked.
    public var catalog: PageCatalog?

    /// The code of the note given for a file that is not a plan.
    public static let notAPlanCode = "lint/not-a-plan"

    /// Creates a linter.
    ///
    /// - Parameters:
    ///   - config: the `lint:` configuration.
    ///   - framework: the site's framework (`content/framework.yml`); steps it leaves out fall
    ///     back to `Framework.standard`.
    ///   - baseURL: the site's base URL, for links to the rule pages.
    ///   - rules: the rules to run (all of them by default).
    ///   - pages: the site's owners and review settings, and today, for the page rules.
    ///   - scope: plans, pages or both (the default).
    ///   - catalog: the site's pages, for plans' references to checklists (`nil`: not checked).
    public init(
        config: LintConfig = LintConfig(), framework: Framework? = nil, baseURL: String = "/",
        rules: [any LintRule] = LintRegistry.rules, pages: PageLintSettings = PageLintSettings(), scope: LintScope = .all,
        catalog: PageCatalog? = nil
    ) {
        self.config = config
        var steps = framework?.steps ?? []
        for step in Framework.standard.steps where !steps.contains(where: { $0.id == step.id }) {
            steps.append(step)
        }
        self.framework = Framework(steps: steps, behaviours: framework?.behaviours ?? [])
        links = LintLinks(baseURL: baseURL)
        self.rules = rules
        pageRules = rules.compactMap { $0 as? any PageLintRule }
        planRules = rules.filter { !($0 is any PageLintRule) }
        self.pages = pages
        self.scope = scope
        self.catalog = catalog
    }

    /// Lints a plan from its front matter's root node.
    public func lint(root: YAMLNode, file: String) -> PlanReport {
        let (plan, problems) = EngagementPlan.decode(root, file: file)
        let input = LintInput(plan: plan, problems: problems, limits: config.limits, catalog: catalog)
        var findings: [LintFinding] = []
        for rule in planRules {
            guard let severity = config.severity(of: rule) else { continue }
            for found in rule.check(input) {
                findings.append(finding(rule.id, severity: severity, found, step: found.step ?? rule.step))
            }
        }
        return PlanReport(file: file, plan: plan, findings: findings, isPlan: true)
    }

    /// Lints a loaded page; `nil` when the page is not a plan.
    public func lint(page: Page) -> PlanReport? {
        guard page.kind == .plan else { return nil }
        guard let root = page.frontMatter else {
            let problem = fileProblem(SourceLocation(file: page.displayPath, line: 1), "the plan has no front matter")
            return PlanReport(file: page.displayPath, findings: problem.map { [$0] } ?? [], isPlan: true)
        }
        return lint(root: root, file: page.displayPath)
    }

    /// A `schema/invalid` finding about a whole file (unreadable, binary, not YAML…), or `nil`
    /// when that rule is turned off.
    func fileProblem(_ location: SourceLocation, _ message: String, hint: String? = nil) -> LintFinding? {
        guard let rule = LintRegistry.rule(id: SchemaInvalidRule().id), let severity = config.severity(of: rule) else {
            return nil
        }
        return finding(rule.id, severity: severity, RuleFinding(at: location, message, hint: hint), step: nil)
    }

    /// The note for a file given by name that is not a plan.
    func notAPlan(_ file: String) -> LintFinding {
        LintFinding(
            diagnostic: Diagnostic(
                .note, code: Self.notAPlanCode, at: SourceLocation(file: file),
                "this page is not an engagement plan (no 'type: plan' in its front matter), so it was not checked",
                hint: "plans start their front matter with 'type: plan' · rules: \(links.index)"),
            advice: "plans start their front matter with 'type: plan'", helpURL: links.index)
    }

    /// Turns a rule's finding into a positioned diagnostic that names the step and links the
    /// rule's page and the step's page.
    func finding(_ ruleID: String, severity: Severity, _ found: RuleFinding, step stepID: String?) -> LintFinding {
        let step = stepID.flatMap { framework.step($0) }
        let message = step.map { "\($0.title): \(found.message)" } ?? found.message
        let help = links.rule(ruleID)
        let stepURL = step.map { links.page($0.page) }
        var hintParts = [found.hint, "rule: \(help)"].compactMap { $0 }
        if let step, let stepURL { hintParts.append("\(step.title): \(stepURL)") }
        return LintFinding(
            diagnostic: Diagnostic(severity, code: ruleID, at: found.location, message, hint: hintParts.joined(separator: " · ")),
            advice: found.hint, helpURL: help, stepTitle: step?.title, stepURL: stepURL)
    }
}

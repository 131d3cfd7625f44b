internal import PlaybookDiagnostics
internal import PlaybookLint
internal import PlaybookModel
internal import PlaybookRender

extension LintFacts {
    /// What a build's lint gives the renderer: `reports` are the lint stage's reports of the
    /// site's plan pages, by source path, which plan pages show as they are (no plan is linted
    /// twice).
    init(linter: Linter, reports: [String: PlanReport]) {
        let links = linter.links
        var steps: [String: StepLink] = [:]
        // The site's steps come first in the linter's framework, so they win over standard ones.
        for step in linter.framework.steps where steps[step.id] == nil {
            steps[step.id] = StepLink(title: step.title, url: links.page(step.page))
        }
        let config = linter.config
        let limits = config.limits
        self.init(
            plans: reports.mapValues { PlanLint(plan: $0.plan, findings: $0.findings.map(PlanFinding.init)) },
            steps: steps,
            rules: LintRegistry.rules.map { LintRulePage($0, config: config, links: links) },
            indexURL: links.index,
            settings: LintSettingsText(
                buffer: limits.buffer.description, checkIn: limits.checkIn.description,
                respondWithin: limits.respondWithin.description, failBuild: config.failBuild),
            bufferDays: { limits.bufferDays(start: $0, end: $1) },
            examples: ExampleLinter(linter: linter, reports: reports), today: linter.pages.today)
    }
}

extension PlanFinding {
    /// A finding as a plan page lists it.
    init(_ finding: LintFinding) {
        self.init(
            severity: finding.severity, ruleID: finding.ruleID, message: finding.diagnostic.message,
            line: finding.location.line, advice: finding.advice, helpURL: finding.helpURL)
    }
}

extension LintRulePage {
    /// The page of `rule`, with its severity under the site's `config`.
    init(_ rule: any LintRule, config: LintConfig, links: LintLinks) {
        self.init(
            id: rule.id, pageSource: LintDocs.pageSource(for: rule.id), url: links.rule(rule.id), summary: rule.summary,
            rationale: rule.rationale, failingExample: rule.failingExample, passingExample: rule.passingExample,
            defaultSeverity: rule.defaultSeverity, configuredSeverity: config.severity(of: rule), stepID: rule.step,
            enforces: rule.enforces, enforcesURL: links.page(rule.enforces))
    }
}

extension ExampleLinter {
    /// Lints examples with `linter`; a plan page's own report is taken from `reports` (by source
    /// path), which the lint stage made.
    init(linter: Linter, reports: [String: PlanReport]) {
        let text: @Sendable (PlanReport) -> String = { LintFormat.text.render(LintReport(files: [$0]), links: linter.links) }
        self.init(
            planPageReport: { sourcePath in reports[sourcePath].map(text) },
            fileReport: { path, display in
                linter.lint(target: LintTarget(path: path, display: display, explicit: true)).map(text)
            },
            planExample: { root, file in
                let report = linter.lint(root: root, file: file)
                return (LintStage.diagnostics(of: report.findings, failBuild: linter.config.failBuild), report.plan)
            })
    }
}

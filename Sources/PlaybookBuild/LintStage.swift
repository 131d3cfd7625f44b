internal import PlaybookDiagnostics
internal import PlaybookLint
internal import PlaybookModel
internal import PlaybookRender

/// The build's lint stage: checks every plan of the loaded site against the framework with the
/// `lint:` configuration of `playbook.yml`, every page's owner and review against its `owners:`
/// and `freshness:` (measured against `today`), and adds the generated rule pages (`/lint/` and
/// `/lint/<rule-id>/`) to a site that has plans.
///
/// Lint errors fail the build unless `lint.fail-build` is false; then they are reported as
/// warnings. The renderer gets what the stage found as `LintFacts`: plan pages show their own
/// findings from it, and the rule pages are made of it.
struct LintStage {
    let site: Site
    /// The day page reviews are measured against; `nil` leaves out the checks that need one.
    var today: PlanDate?

    /// The site with the rule pages, the findings and configuration problems, and the facts the
    /// renderer shows.
    func run() -> (site: Site, diagnostics: [Diagnostic], lint: LintFacts) {
        let plans = lintPlans()
        let linter = plans.linter
        let pageFindings = site.pages.parallelMap { linter.pageFindings(file: $0.displayPath, freshness: $0.freshness) }
        let report = LintReport(files: plans.reports + [PlanReport(file: "", findings: pageFindings.flatMap { $0 }, isPlan: false)])
        let diagnostics = plans.problems + Self.diagnostics(of: report.findings, failBuild: plans.failBuild)
        let (withOwners, ownerProblems) = OwnersPage.adding(to: site)
        let (withPages, pageProblems) = report.planCount > 0 ? LintPages.adding(to: withOwners) : (withOwners, [])
        // The printable page last: it is in no section, and the pager reaches it from the last page.
        let (withPrint, printProblems) = PrintPage.adding(to: withPages)
        return (withPrint, diagnostics + ownerProblems + pageProblems + printProblems, plans.facts)
    }

    /// What the pages show of the lint (each plan's findings, the framework's steps, the rules),
    /// without the pages' own findings: for `CachedEdit`, whose edits change none of them.
    /// `site` holds the pages written in the content (`PageKind.isWritten`) and section pages.
    func facts() -> LintFacts {
        lintPlans().facts
    }

    private func lintPlans() -> (linter: Linter, reports: [PlanReport], facts: LintFacts, problems: [Diagnostic], failBuild: Bool) {
        let (config, problems) = LintConfig.parse(site.config.lint)
        let linter = Linter(
            config: config, framework: site.framework, baseURL: site.config.basePath,
            pages: PageLintSettings(config: site.config, today: today), catalog: PageCatalog(pages: site.pages))
        let plans = site.pages.filter { $0.kind == .plan }
        let reports = plans.parallelMap { linter.lint(page: $0) }
        var reportsBySource: [String: PlanReport] = [:]
        for (page, report) in zip(plans, reports) { reportsBySource[page.sourcePath] = report }
        let facts = LintFacts(linter: linter, reports: reportsBySource)
        return (linter, reports.compactMap { $0 }, facts, problems, config.failBuild)
    }

    /// The findings as the build reports them: errors are warnings when `fail-build` is false.
    static func diagnostics(of findings: [LintFinding], failBuild: Bool) -> [Diagnostic] {
        findings.map { finding in
            var diagnostic = finding.diagnostic
            if !failBuild, diagnostic.severity == .error { diagnostic.severity = .warning }
            return diagnostic
        }
    }
}

/// The generated documentation of the lint, one page per rule of `LintRegistry` and an index,
/// in a `lint` section after the content's own sections.
enum LintPages {
    static let indexTitle = "Lint rules"
    static let indexDescription = "What playbook lint checks in every engagement plan, and why each check matters to the customer."

    /// The site with the lint section added; unchanged, with a warning, when the content already
    /// has pages where the generated ones would go.
    static func adding(to site: Site) -> (Site, [Diagnostic]) {
        let folder = LintDocs.folder
        let taken = site.sectionIndexByPath[folder] != nil || site.pages.contains { $0.url.hasPrefix("/\(folder)/") }
        if taken {
            return (site, [
                .warning(
                    "lint/pages", at: SourceLocation(file: site.config.contentPrefix + folder + "/"),
                    "the content already has pages under /\(folder)/, so the generated lint rule pages are left out",
                    hint: "rename \(site.config.contentPrefix)\(folder) to publish the rule pages")
            ])
        }
        var pages = site.pages
        var sections = site.sections
        pages.append(
            Page(
                sourcePath: LintDocs.indexSource, displayPath: "\(folder)/", url: "/\(folder)/",
                outputPath: "\(folder)/index.html", title: indexTitle, description: indexDescription,
                type: PageKind.lintIndex.rawValue, body: "", isSectionIndex: true, sectionPath: folder))
        let section = Section(path: folder, indexPage: pages.count - 1, parent: 0)
        var children: [Section.Child] = []
        for rule in LintRegistry.rules {
            let path = LintDocs.path(for: rule.id)
            pages.append(
                Page(
                    sourcePath: LintDocs.pageSource(for: rule.id), displayPath: String(path.dropLast()),
                    url: "/" + PageLocation.percentEncode(path), outputPath: path + "index.html", title: rule.id,
                    description: rule.summary.filter { $0 != "`" }, type: PageKind.lintRule.rawValue, body: "",
                    sectionPath: folder))
            children.append(.page(pages.count - 1))
        }
        sections.append(section)
        sections[sections.count - 1].children = children
        if !sections.isEmpty { sections[0].children.append(.section(sections.count - 1)) }
        return (GeneratedPages.site(site, pages: pages, sections: sections), [])
    }
}

public import PlaybookDiagnostics
public import PlaybookModel
internal import Foundation

extension Linter {
    /// The linter for the site folder at `root`, configured from its `playbook.yml` (the `lint:`,
    /// `owners:` and `freshness:` sections and `base-url`) and `content/framework.yml`, either of which may be absent.
    ///
    /// - Parameters:
    ///   - baseURL: overrides `base-url` for the links findings carry.
    ///   - today: the day reviews are measured against (`nil` leaves those checks out).
    ///   - scope: plans, pages or both.
    /// - Returns: the linter, and warnings about the configuration that do not stop the run.
    /// - Throws: `DiagnosticError` (usage) when either file cannot be read or has errors, such
    ///   as an unknown rule id or a bad severity, each at its line.
    public static func forSite(
        at root: String, baseURL: String? = nil, today: PlanDate? = nil, scope: LintScope = .all
    ) throws -> (linter: Linter, warnings: [Diagnostic]) {
        var problems: [Diagnostic] = []
        var siteConfig = SiteConfig()
        if let text = try readIfPresent(PathText.join(root, "playbook.yml"), display: "playbook.yml") {
            let (parsed, configProblems) = SiteConfig.parse(text, file: "playbook.yml")
            siteConfig = parsed
            problems += configProblems
        }
        let (config, lintProblems) = LintConfig.parse(siteConfig.lint)
        problems += lintProblems
        var framework: Framework?
        let frameworkDisplay = siteConfig.contentPrefix + "framework.yml"
        if let text = try readIfPresent(PathText.join(root, frameworkDisplay), display: frameworkDisplay) {
            let (parsed, frameworkProblems) = Framework.parse(text, file: frameworkDisplay)
            framework = parsed
            problems += frameworkProblems
        }
        if problems.hasErrors { throw DiagnosticError(problems, isUsage: true) }
        let linter = Linter(
            config: config, framework: framework, baseURL: baseURL ?? siteConfig.baseURL,
            pages: PageLintSettings(config: siteConfig, today: today), scope: scope,
            catalog: scope.includesPlans ? catalog(ofSite: root) : nil)
        return (linter, problems)
    }

    /// The pages of the site at `root`, as the build loads them (drafts left out), for plans'
    /// `checklists:`; `nil` when it has no content folder. Problems in the pages are the
    /// build's to report, not the lint's.
    static func catalog(ofSite root: String) -> PageCatalog? {
        guard let loaded = try? ContentLoader(root: root).load() else { return nil }
        return PageCatalog(pages: loaded.site.pages)
    }

    /// The files to lint: the given paths, or with none every Markdown file under the site's
    /// `content/` folder (printed as `content/…`, as the build prints them).
    ///
    /// - Returns: the targets, and the given paths that do not exist.
    /// - Throws: `DiagnosticError` (usage) when no path is given and there is no content folder.
    public static func targets(paths: [String], source: String) throws -> (targets: [LintTarget], missing: [String]) {
        guard paths.isEmpty else { return targets(for: paths) }
        let folder = SiteConfig.contentFolder(ofSite: source)
        let content = PathText.join(source, folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError.usage(
                "no content folder at '\(content)' and no paths to lint", file: source,
                hint: "pass plan files or folders, or --source DIR for a site folder")
        }
        let files = markdownFiles(in: content).map {
            LintTarget(path: PathText.join(content, $0), display: folder + "/" + $0, explicit: false)
        }
        return (files, [])
    }

    private static func readIfPresent(_ path: String, display: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError.usage("this file cannot be read", file: display)
        }
        switch SourceText.decode(Array(data), file: display) {
        case .success(let text): return text
        case .failure(let problem): throw DiagnosticError([problem], isUsage: true)
        }
    }
}

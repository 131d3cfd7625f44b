internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// The load stage's values: the site with its lint pages, the templates, and every problem
/// found while reading.
struct Loaded: Sendable {
    var site: Site
    var pageCache: ContentLoader.PageCache
    var templates: TemplateSet?
    var templateProblems: [Diagnostic]
    var assets: [(output: String, source: String)]
    /// Problems of the files, the configuration and the lint, in that order.
    var fileDiagnostics: [Diagnostic]
    /// What the pages show of the lint: each plan's findings, the rules' pages (linted once, here).
    var lint: LintFacts
    /// The git pass, still running while the content loads and page bodies render (see
    /// `RenderStage`); `git` waits for it.
    var gitPass: Background<GitHistory>

    /// Each page's last update from git (`GitHistory.facts`, by source path), or why there is
    /// none; waits for the git pass.
    var git: GitHistory {
        gitPass.value() ?? GitHistory(key: "failed", facts: [:], note: "no git history: the git pass did not finish")
    }

    /// Problems of the files, the configuration, the lint and the git pass, in that order.
    var diagnostics: [Diagnostic] { fileDiagnostics + git.diagnostics }
}

/// Reads every source a build needs before anything is rendered (a link needs every page's
/// URL): templates, configuration, content, framework; lints the plans. Files whose bytes did
/// not change since `previous` are not read again: their page comes from its `pageCache`.
struct LoadStage {
    let options: BuildOptions

    func run(previous: BuildState, changes: ChangeSet) throws -> Loaded {
        let changed: Set<String>
        switch changes {
        case .everything: changed = []
        case .paths(let paths): changed = paths
        }
        let everything = changes == .everything
        let templatesDir = PathText.join(options.source, "templates")
        var templates = previous.memory?.templates
        var templateProblems = previous.memory?.templateProblems ?? []
        var assets = previous.memory?.assets ?? []
        // Templates are parsed on a thread of their own while the content loads.
        let templatesLoading = previous.memory == nil || everything || changed.contains(where: { $0.hasPrefix("templates/") })
            ? Background { (TemplateSet.load(from: templatesDir), AssetScanner.files(in: templatesDir)) } : nil
        // One `git rev-parse` each build; the `git log` only when HEAD moved since `previous`. Git
        // runs on another thread while the content is read and the page bodies rendered, so its
        // time mostly hides behind them.
        let git = options.gitPass ?? Background { [options, previous] in
            let probe = options.gitProbe ?? GitProbe.run(source: options.source, enabled: options.git)
            return GitHistory.read(source: options.source, probe: probe, previous: previous.git)
        }
        let contentChanged = ChangeSet.contentPaths(changed, prefix: SiteConfig.contentFolder(ofSite: options.source) + "/")
        let loaded = try ContentLoader(root: options.source, includeDrafts: options.includeDrafts).load(
            configOverride: { [options] config in options.overriding(&config) },
            reusing: everything ? ContentLoader.PageCache() : previous.pageCache, changed: contentChanged)
        let (site, lintProblems, lint) = LintStage(site: loaded.site, today: options.today).run()
        if let (loadedTemplates, scannedAssets) = templatesLoading?.value() {
            (templates, templateProblems) = loadedTemplates
            assets = scannedAssets
        }
        return Loaded(
            site: site, pageCache: loaded.cache, templates: templates, templateProblems: templateProblems, assets: assets,
            fileDiagnostics: loaded.diagnostics + lintProblems, lint: lint, gitPass: git)
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// The build: load → render → check → index → write, each stage a function of the values the
/// ones before it returned, all of them memoised through a `BuildState`.
///
/// `playbook build` without a cache runs it once from nothing; with the cache, from the state
/// `DiskCache` read back; `playbook serve` from the state its previous build returned.
public enum Build {
    /// The names of the stages, in order, as progress shows them.
    public static let stageNames = ["load", "render", "check", "index", "write"]

    /// Builds the site from `previous` (nothing remembered when `nil`), given what changed
    /// since it, and returns the state for the next build with the result.
    ///
    /// - Throws: `DiagnosticError` (usage) when the site cannot be read or the output written.
    public static func run(previous: BuildState?, changes: ChangeSet, options: BuildOptions) throws
        -> (state: BuildState, result: BuildResult)
    {
        let previous = previous ?? .empty
        let changes = previous.memory == nil && previous.pageCache.entries.isEmpty ? .everything : changes
        var built = try QuickRebuild(options: options).run(previous: previous, changes: changes)
            ?? fullPath(previous: previous, changes: changes, options: options)
        // Handed over as they are, not filtered: a save in the preview must not cost a pass over
        // every page. `SiteBuilder.searchIndex(for:)` picks what it needs.
        built.result.keptSearchParts = built.state.searchParts
        built.result.linkedSources = built.state.linked
        return built
    }

    private static func fullPath(previous: BuildState, changes: ChangeSet, options: BuildOptions) throws
        -> (state: BuildState, result: BuildResult)
    {
        var clock = StageClock(report: options.progress)
        let loaded = try LoadStage(options: options).run(previous: previous, changes: changes)
        clock.lap("load")
        guard let templates = loaded.templates else {
            let diagnostics = loaded.diagnostics + loaded.templateProblems
            let result = BuildResult(
                site: loaded.site, pages: [], files: [], diagnostics: diagnostics.sorted(), stages: clock.laps, wrote: false)
            return (state(previous: previous, loaded: loaded), result.noting(loaded.git))
        }
        let staging = try options.output.map { try OutputFolder(path: $0, source: options.source).begin() }
        var renderStage = RenderStage(loaded: loaded, templates: templates, options: options)
        renderStage.staging = staging
        let rendered = renderStage.run(previous: previous, changes: changes)
        clock.lap("render")
        let checked = CheckStage(site: loaded.site, rendered: rendered).run()
        clock.lap("check")
        let indexed = IndexStage(options: options, loaded: loaded, rendered: rendered).run(previous: previous)
        clock.lap("index")
        let diagnostics = loaded.diagnostics + loaded.templateProblems + rendered.pages.flatMap(\.diagnostics)
            + checked.diagnostics
        var writeStage = WriteStage(options: options)
        writeStage.staging = staging
        let result = try writeStage.run(
            site: loaded.site, pages: rendered.pages, files: indexed.files, diagnostics: diagnostics, clock: clock
        ).noting(loaded.git)
        var last = LastBuild(
            site: loaded.site, pages: rendered.pages, files: indexed.files,
            fileIndex: Dictionary(indexed.files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { $1 }),
            loadDiagnostics: loaded.diagnostics, frameworkDiagnostics: checked.frameworkDiagnostics,
            linkDiagnostics: checked.linkDiagnostics, anchors: checked.anchors, incoming: checked.incoming)
        last.printParts = rendered.printParts
        let state = state(
            previous: previous, loaded: loaded, rendered: rendered, indexed: indexed, last: last,
            writtenTo: result.wrote ? options.output : nil)
        return (state, result)
    }

    /// The state a build leaves: what it loaded, and what it rendered (plans and lint pages,
    /// which are rendered every time, left out). Pages written as they rendered have their HTML
    /// in `writtenTo`, the output folder, when the build wrote it; otherwise it is lost and
    /// they are not kept.
    private static func state(
        previous: BuildState, loaded: Loaded, rendered: Rendered? = nil, indexed: Indexed? = nil, last: LastBuild? = nil,
        writtenTo: String? = nil
    ) -> BuildState {
        let site = loaded.site
        let written = rendered?.written ?? []
        var pages: [String: RenderedPage] = [:]
        var linked = rendered?.linked ?? []
        for page in rendered?.pages ?? [] where !BuildState.isAlwaysRendered(site.pages[page.index]) {
            let source = site.pages[page.index].sourcePath
            if written.contains(page.index) {
                guard writtenTo != nil else { continue }
                linked.insert(source)
            }
            var kept = page
            kept.printPart = nil  // the print page holds it (`LastBuild.printParts`)
            pages[source] = kept
        }
        // A failed build left the previous output, and so `previous.htmlFolder`, as it was.
        let htmlFolder = writtenTo.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? previous.htmlFolder
        let memory = BuildState.Memory(
            templates: loaded.templates, templateProblems: loaded.templateProblems, assets: loaded.assets,
            renderer: rendered?.renderer, last: last)
        return BuildState(
            manifest: previous.manifest, pageCache: loaded.pageCache,
            navigation: rendered == nil ? [] : site.pages.map(NavigationEntry.init), staticFiles: site.staticFiles,
            assetOutputs: loaded.assets.map(\.output), rendered: pages, searchParts: indexed?.searchParts ?? [:],
            htmlFolder: htmlFolder, linked: linked, memory: memory,
            searchFiles: writtenTo == nil ? previous.searchFiles : indexed?.searchFiles ?? [:], git: loaded.git,
            llmsCopies: writtenTo == nil ? previous.llmsCopies : indexed?.llmsCopies, searchMemo: indexed?.searchMemo)
    }
}

/// Writes the site: beside the old output folder, swapped in only when there are no errors.
struct WriteStage {
    let options: BuildOptions
    /// The new site, begun before rendering; `nil` writes every file here.
    var staging: OutputFolder.Staging?

    func run(site: Site, pages: [RenderedPage], files: [OutputFile], diagnostics: [Diagnostic], clock: StageClock,
             changedFiles: Set<String>? = nil) throws -> BuildResult
    {
        var clock = clock
        var wrote = false
        if let staging {
            if diagnostics.hasErrors {
                staging.discard()
            } else {
                try staging.finish(with: files, marker: options.outputMarker)
                wrote = true
            }
        } else if let output = options.output, !diagnostics.hasErrors {
            try OutputFolder(path: output, source: options.source).replace(with: files, marker: options.outputMarker)
            wrote = true
        }
        clock.lap("write")
        var result = BuildResult(
            site: site, pages: pages, files: files, diagnostics: diagnostics.sorted(), stages: clock.laps, wrote: wrote)
        result.changedFiles = changedFiles
        result.output = wrote ? options.output : nil
        return result
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// The quick path of `playbook build` with the build cache, the disk's counterpart of the
/// preview's `QuickRebuild`: when the bodies of a few existing pages are all that changed, and
/// nothing of them shows on other pages, only those pages are read, rendered and checked, the
/// search index is patched, and the files that changed are replaced in the output folder.
///
/// It starts from the site as the last build assembled it (`SiteSnapshot`) and decodes only the
/// edited pages' records, where the general path decodes every page's record and assembles the
/// site again. Returns `nil` (the general path then runs) whenever the edit reaches further:
/// a page added, removed or moved, a title, description, weight, order, alias, owner, review,
/// tag or type changed, a plan or a checklist edited, an anchor other pages can link to added
/// or removed, an error, a print page, a template, the configuration or the framework changed,
/// another commit, more than `pageLimit` files. The output is byte for byte the general path's
/// (`BuildCacheTests`, `CachedEditTests`).
struct CachedEdit {
    /// The options, with the output folder's new marker (`DiskCache.marker`).
    let options: BuildOptions
    let cache: BuildCache
    let restored: DiskCache.Restored
    /// Started when the build began; it has not lapped yet.
    var clock: StageClock

    /// The most files an edit can change and still take this path.
    static let pageLimit = 16

    /// What the edit starts from: the cache's head and snapshot, the edited pages read again,
    /// the shards that hold their records, and `pages.cache` (git facts, search memo).
    struct Start {
        var head: BuildCache.Head
        var site: Site
        var anchors: AnchorList
        var indices: [Int]
        var problems: [[Diagnostic]]
        var shards: [Int: ShardRecords]
        /// The pages' facts from git for this build's commit, and the search memo.
        var git: GitHistory
        var memo: SearchMemo
        /// The templates and the assets' output paths, read beside the rest.
        var templates: Background<(templates: TemplateSet?, assets: [String])>
    }

    /// Each edited page rendered again: its facts (with HTML) and its search share.
    typealias Made = [(page: RenderedPage, part: SearchPart?)]

    func run() throws -> BuildResult? {
        guard let start = start() else { return nil }
        // The stages are shown once the edit is built: a handover to the general path shows its own.
        var clock = self.clock
        clock.report = nil
        clock.lap("cache")
        guard let renderer = renderer(for: start) else { return nil }
        clock.lap("load")
        let made: Made = start.indices.map { index in
            let page = renderer.render(page: index)
            return (page, SiteSearch.part(site: start.site, rendered: page))
        }
        // A new or lost anchor can mend or break another page's link: the general path checks
        // them all.
        guard zip(start.indices, made).allSatisfy({ LinkChecker.anchors(of: $1.page) == start.anchors.anchors(of: $0) })
        else { return nil }
        clock.lap("render")
        guard let diagnostics = diagnostics(start: start, made: made, links: renderer.links), !diagnostics.hasErrors
        else { return nil }
        clock.lap("check")
        guard let outputs = outputs(start: start, made: made, renderer: renderer) else { return nil }
        clock.lap("index")
        // The cache is written while the files are placed: its head names the output folder's
        // new marker, which a failed update never writes, so it is never trusted before them.
        let cacheWrite = Background { [cache, head = head(start: start, diagnostics: diagnostics, outputs: outputs)] in
            cache.writeEdit(head: head, git: start.git, memo: outputs.memo ?? start.memo, shards: shards(start: start, made: made))
        }
        try OutputFolder(path: output, source: options.source).update(
            writing: outputs.updates, removing: outputs.removed, marker: options.outputMarker)
        clock.lap("write")
        _ = cacheWrite.value()
        clock.lap("cache")
        for lap in clock.laps { self.clock.report?(lap.name, lap.seconds) }
        var result = BuildResult(
            site: start.site, pages: [], files: [], diagnostics: diagnostics, stages: clock.laps, wrote: true)
        result.fileTotal = start.head.fileCount + outputs.fileCountChange
        result.output = options.output
        result.changedFiles = Set(outputs.updates.map(\.path) + outputs.removed)
        result.gitNote = start.git.note
        return result
    }

    /// The head for the new cache: the last one's with this build's sources, program, output
    /// marker, diagnostics and files.
    private func head(start: Start, diagnostics: [Diagnostic], outputs: Outputs) -> BuildCache.Head {
        var head = start.head
        head.manifest = restored.manifest
        head.program = restored.program
        head.gitKey = restored.git.key
        head.outputStamp = options.outputMarker
        head.diagnostics = diagnostics
        head.searchFiles = outputs.searchFiles
        head.llmsCopies = outputs.llmsCopies
        head.fileCount += outputs.fileCountChange
        return head
    }

    var output: String { options.output ?? "" }

    /// The renderer of the snapshot's site, with templates read again and the lint's facts.
    private func renderer(for start: Start) -> SiteRenderer? {
        guard let (templates, assets) = start.templates.value(), let templates, assets == start.head.assetOutputs
        else { return nil }
        // The lint sees the site as the load stage gave it to the lint stage: without the pages
        // that stage adds.
        let site = start.site
        let written = Site(
            config: site.config, pages: site.pages.filter { $0.kind.isWritten }, sections: [], staticFiles: [],
            framework: site.framework)
        let lint = LintStage(site: written, today: options.today).facts()
        return SiteRenderer(
            site: site, templates: templates, assetFiles: assets, lint: lint, codeColouring: options.codeColouring,
            gitFacts: start.git.facts)
    }

    /// The last build's diagnostics with the edited pages' own (problems of the file, of its
    /// rendering, of its links) replaced by their new ones; `nil` when the old ones are not
    /// all there (the cache does not describe that build).
    private func diagnostics(start: Start, made: Made, links: LinkResolver) -> [Diagnostic]? {
        var olds: [(entry: (page: Page?, diagnostics: [Diagnostic]), rendered: RenderedPage)] = []
        var linked = Set(start.indices)
        for (number, index) in start.indices.enumerated() {
            let source = start.site.pages[index].sourcePath
            guard let shard = start.shards[BuildCache.shard(of: source)], let entry = shard.entry(source),
                let old = shard.rendered(source), old.page.index == index
            else { return nil }
            olds.append((entry, old.page))
            linked.formUnion(LinkChecker.targets(of: old.page).union(LinkChecker.targets(of: made[number].page)))
        }
        // Only the anchors of the pages these links lead to are read.
        let checker = LinkChecker(site: start.site, resolver: links, anchors: start.anchors.decoded(for: linked))
        var all = start.head.diagnostics
        for (number, (entry, old)) in olds.enumerated() {
            for diagnostic in entry.diagnostics + old.diagnostics + checker.check(old) {
                guard let at = all.firstIndex(of: diagnostic) else { return nil }
                all.remove(at: at)
            }
            all += start.problems[number] + made[number].page.diagnostics + checker.check(made[number].page)
        }
        return all.sorted()
    }

    /// The shards with the edited pages' records replaced.
    private func shards(start: Start, made: Made) -> [Int: ShardRecords] {
        var shards = start.shards
        for (number, index) in start.indices.enumerated() {
            let page = start.site.pages[index]
            let shard = BuildCache.shard(of: page.sourcePath)
            shards[shard]?.replace(
                page.sourcePath, entry: (page, start.problems[number]), rendered: made[number].page, part: made[number].part)
        }
        return shards
    }
}

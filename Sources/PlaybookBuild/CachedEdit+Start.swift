internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender

extension CachedEdit {
    /// The start, or `nil` when the change is not an edit of existing pages' bodies alone.
    func start() -> Start? {
        guard options.searchIndex, options.output != nil, restored.outputIntact, let head = restored.head else { return nil }
        let changed = restored.manifest.changedPaths(since: head.manifest)
        guard !changed.isEmpty, changed.count <= Self.pageLimit else { return nil }
        let loader = ContentLoader(root: options.source, includeDrafts: options.includeDrafts)
        var config = loader.readConfig().0
        options.overriding(&config)
        let prefix = config.contentPrefix
        guard changed.allSatisfy({ $0.hasPrefix(prefix) && $0.hasSuffix(".md") }), config.urlStyle == head.style
        else { return nil }
        // Read beside the snapshot and the edited pages.
        let templatesDir = PathText.join(options.source, "templates")
        let templates = Background {
            (templates: TemplateSet.load(from: templatesDir).0, assets: AssetScanner.files(in: templatesDir).map(\.output))
        }
        // The facts from git for this commit: the last build's, or those brought up to date with
        // the commits since (`git log <then>..HEAD`).
        let rest = Background { [cache, options, restored] in
            cache.readRest(for: head).map { rest in
                (memo: rest.searchMemo, before: rest.git,
                 git: GitHistory.read(source: options.source, probe: restored.git, previous: rest.git))
            }
        }
        guard let snapshot = cache.readSite(for: head) else { return nil }
        var site = snapshot.site(config: config, framework: loader.readFramework(config: config).0, root: options.source)
        guard !site.pages.contains(where: { $0.kind == .print }) else { return nil }
        var indices: [Int] = []
        var problems: [[Diagnostic]] = []
        for path in changed.sorted() {
            let source = String(path.dropFirst(prefix.count))
            guard let index = site.pageIndexBySource[source],
                let read = reread(source, as: site.pages[index], with: loader, config: config)
            else { return nil }
            site.pages[index] = read.page
            indices.append(index)
            problems.append(read.problems)
        }
        let sources = Set(indices.map { site.pages[$0].sourcePath })
        guard let shards = shards(of: Array(sources), head: head), let (memo, before, git) = rest.value() ?? nil,
            let memo, Self.gitChanges(only: sources, now: git, before: before, lastKey: head.gitKey)
        else { return nil }
        return Start(
            head: head, site: site, anchors: snapshot.anchors, indices: indices, problems: problems, shards: shards,
            git: git, memo: memo, templates: templates)
    }

    /// The page read again from `source`, when only its body changed since the snapshot's
    /// `old`, it has no errors, and it is an ordinary page, not a checklist (plans show
    /// checklists' items).
    func reread(_ source: String, as old: Page, with loader: ContentLoader, config: SiteConfig)
        -> (page: Page, problems: [Diagnostic])?
    {
        let (read, problems) = loader.readPage(source, style: config.urlStyle, contentFolder: config.contentFolder)
        guard let page = read, !problems.hasErrors, old.kind == .page, !old.isChecklist else { return nil }
        var bodiless = page
        bodiless.body = ""
        bodiless.frontMatter = nil  // the cache keeps only plans' front matter
        return bodiless == old ? (page, problems) : nil
    }

    /// The shards holding the records of `sources`, read.
    func shards(of sources: [String], head: BuildCache.Head) -> [Int: ShardRecords]? {
        guard let ids = head.pagesIDs else { return nil }
        var shards: [Int: ShardRecords] = [:]
        for shard in Set(sources.map(BuildCache.shard(of:))) {
            guard let records = cache.readShard(shard, id: ids[shard + 1]) else { return nil }
            shards[shard] = records
        }
        return shards
    }

    /// Whether the facts from git are the last build's but for `sources`, the pages the edit
    /// renders again (a commit that changed only them, as in CI after a one-page change).
    static func gitChanges(only sources: Set<String>, now: GitHistory, before: GitHistory?, lastKey: String) -> Bool {
        if now.key == lastKey { return true }
        guard now.diagnostics.isEmpty, now.commit != nil || now.facts.isEmpty else { return false }
        let old = before?.facts ?? [:]
        for (path, fact) in now.facts where old[path] != fact && !sources.contains(path) { return false }
        for path in old.keys where now.facts[path] == nil && !sources.contains(path) { return false }
        return true
    }
}

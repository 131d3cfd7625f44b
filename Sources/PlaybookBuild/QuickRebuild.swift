internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender

/// The quick path for the common save in `playbook serve`: the bodies of existing pages changed
/// and nothing that shows on other pages did. Only those pages are read and rendered; only their
/// links and the links into them are checked again. Needs the previous build's output in
/// memory (`BuildState.Memory.last`); returns `nil` when the change needs the full path.
struct QuickRebuild {
    let options: BuildOptions

    func run(previous: BuildState, changes: ChangeSet) throws -> (state: BuildState, result: BuildResult)? {
        // The index's files are named by their contents, so a build that writes them takes the
        // full path (the preview makes them on request instead).
        guard !options.searchIndex, case .paths(let changed) = changes, let memory = previous.memory, let last = memory.last, let renderer = memory.renderer, !changed.isEmpty
        else { return nil }
        // A commit since the last build can change any page's last update: the full path.
        guard GitProbe.run(source: options.source, enabled: options.git).key == previous.git?.key else { return nil }
        var indices: [Int] = []
        for path in changed {
            let prefix = last.site.config.contentPrefix
            guard path.hasPrefix(prefix), path.hasSuffix(".md"),
                let index = last.site.pageIndexBySource[String(path.dropFirst(prefix.count))]
            else { return nil }
            indices.append(index)
        }
        var clock = StageClock(report: options.progress)
        guard let reread = reread(indices, in: last.site, cache: previous.pageCache) else { return nil }
        var snapshot = last
        // Only the file's own problems are replaced: those about its `order:` list come from the
        // assembly, and stay as they were (the list, its positions and the pages are unchanged).
        snapshot.loadDiagnostics.removeAll { reread.staleProblems.contains($0) }
        snapshot.loadDiagnostics += reread.fileProblems
        snapshot.site = reread.site
        clock.lap("load")

        let current = renderer.keepingNavigation(for: reread.site)
        var rendered = previous.rendered
        var changedFiles = render(indices, with: current, into: &snapshot, rendered: &rendered)
        changedFiles.formUnion(Self.renderPrintPage(with: indices, by: current, into: &snapshot))
        changedFiles.formUnion(LlmsFiles.update(indices, in: &snapshot))
        clock.lap("render")
        recheck(indices, with: current, in: &snapshot)
        let diagnostics = snapshot.loadDiagnostics + memory.templateProblems + snapshot.pages.flatMap(\.diagnostics)
            + snapshot.frameworkDiagnostics + snapshot.linkDiagnostics.flatMap { $0 }
        clock.lap("check")
        let files = changedFiles
        clock.lap("index")
        let result = try WriteStage(options: options).run(
            site: snapshot.site, pages: snapshot.pages, files: snapshot.files, diagnostics: diagnostics, clock: clock,
            changedFiles: files)
        var newMemory = memory
        newMemory.renderer = current
        newMemory.last = snapshot
        let state = BuildState(
            manifest: previous.manifest, pageCache: reread.cache, navigation: previous.navigation,
            staticFiles: previous.staticFiles, assetOutputs: previous.assetOutputs, rendered: rendered,
            searchParts: previous.searchParts, htmlFolder: previous.htmlFolder,
            linked: Self.removing(reread.sources, from: previous.linked), memory: newMemory,
            searchFiles: previous.searchFiles, git: previous.git, searchMemo: previous.searchMemo)
        return (state, result)
    }

    /// `set` without `members`, copied only when it holds one of them: the usual save edits a
    /// page rendered in this preview, and a copy of every page's name would cost more than the
    /// render.
    private static func removing(_ members: Set<String>, from set: Set<String>) -> Set<String> {
        guard members.contains(where: set.contains) else { return set }
        return set.subtracting(members)
    }

    /// Renders the pages at `indices` again into the snapshot; returns their output paths.
    private func render(
        _ indices: [Int], with renderer: SiteRenderer, into snapshot: inout LastBuild, rendered: inout [String: RenderedPage]
    ) -> Set<String> {
        var changedFiles: Set<String> = []
        for index in indices {
            let before = snapshot.pages[index]
            for target in LinkChecker.targets(of: before) { snapshot.incoming[target]?.remove(index) }
            let page = renderer.render(page: index)
            snapshot.pages[index] = page
            rendered[snapshot.site.pages[index].sourcePath] = page
            snapshot.anchors[index] = LinkChecker.anchors(of: page)
            for target in LinkChecker.targets(of: page) { snapshot.incoming[target, default: []].insert(index) }
            if let position = snapshot.fileIndex[page.outputPath] {
                snapshot.files[position] = OutputFile(path: page.outputPath, contents: .text(page.html))
            }
            changedFiles.insert(page.outputPath)
        }
        return changedFiles
    }

    /// Checks again the links of the changed pages and of the pages that link to them.
    private func recheck(_ indices: [Int], with renderer: SiteRenderer, in snapshot: inout LastBuild) {
        var pages = Set(indices)
        for index in indices { pages.formUnion(snapshot.incoming[index] ?? []) }
        let checker = LinkChecker(site: snapshot.site, resolver: renderer.links, anchors: snapshot.anchors)
        for index in pages { snapshot.linkDiagnostics[index] = checker.check(snapshot.pages[index]) }
        snapshot.frameworkDiagnostics = checker.checkFramework()
    }

    private struct Reread {
        var site: Site
        var cache: ContentLoader.PageCache
        var sources: Set<String>
        var fileProblems: [Diagnostic]
        var staleProblems: Set<Diagnostic>
    }

    /// The site with the pages at `indices` read again, their problems, and the problems they had
    /// before; `nil` when a change shows beyond the page itself (see `NavigationEntry`), or a page
    /// is a plan or a checklist (plans' pages show checklists' items), is now a draft, has errors,
    /// a new owner or review (which the lint stage checks) or new aliases (redirects): the full
    /// path handles those.
    private func reread(_ indices: [Int], in site: Site, cache: ContentLoader.PageCache) -> Reread? {
        var result = Reread(site: site, cache: cache, sources: [], fileProblems: [], staleProblems: [])
        let loader = ContentLoader(root: options.source, includeDrafts: options.includeDrafts)
        for index in indices {
            let old = site.pages[index]
            let (read, problems) = loader.readPage(old.sourcePath, style: site.config.urlStyle, contentFolder: site.config.contentFolder)
            guard let page = read, !problems.hasErrors, !page.isDraft || options.includeDrafts,
                NavigationEntry(page) == NavigationEntry(old), page.kind != .plan, old.kind != .plan, !page.isChecklist, !old.isChecklist,
                page.freshness == old.freshness,  // the lint stage reports on owner and review
                page.aliases == old.aliases  // each alias is a redirect file and a `_redirects` line
            else { return nil }
            result.site.pages[index] = page
            result.staleProblems.formUnion(cache.entries[old.sourcePath]?.diagnostics ?? [])
            result.cache.entries[old.sourcePath] = (page, problems)
            result.sources.insert(old.sourcePath)
            result.fileProblems += problems
        }
        return result
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender

/// The index stage's values: every file of the site, sorted by path, and each page's part of
/// the search index by source path.
struct Indexed: Sendable {
    var files: [OutputFile]
    var searchParts: [String: SearchPart]
    /// The search index's files with the digests of their texts.
    var searchFiles: [String: UInt64] = [:]
    /// Where each page's Markdown copy is in `llms-full.txt`, when the build made one.
    var llmsCopies: LlmsCopies?
    /// The index's words, for the next build to patch (see `SearchMemo`).
    var searchMemo: SearchMemo?
}

/// Gathers the site's files: each page (its HTML, or a link to the HTML an earlier build left),
/// the not-found page, the sitemap, `llms.txt` and the pages' Markdown copies, the search index, the templates' assets and the files beside
/// the pages.
struct IndexStage {
    let options: BuildOptions
    let loaded: Loaded
    let rendered: Rendered

    func run(previous: BuildState) -> Indexed {
        // The search index is made beside the rest of the files, on all cores (at 10,000 pages
        // each half took about 200 ms, one after the other). `parallelMap`, not a queue the
        // caller waits on: the calling thread takes a half itself, so it never waits for a
        // thread that is not there.
        let halves = [true, false].parallelMap { isSearch -> Half in
            isSearch ? .search(searchIndex(previous: previous)) : .rest(otherFiles(previous: previous))
        }
        var search = Searched()
        var files: [OutputFile] = []
        var llmsCopies: LlmsCopies?
        for half in halves {
            switch half {
            case .search(let made): search = made
            case .rest(let made): (files, llmsCopies) = made
            }
        }
        files += search.files
        files.sort { $0.path < $1.path }
        return Indexed(
            files: files, searchParts: search.parts, searchFiles: search.digests, llmsCopies: llmsCopies,
            searchMemo: search.memo)
    }

    private enum Half: Sendable {
        case search(Searched)
        case rest((files: [OutputFile], llms: LlmsCopies?))
    }

    /// Every file but the search index's, with where the pages' Markdown copies are in
    /// `llms-full.txt`.
    private func otherFiles(previous: BuildState) -> (files: [OutputFile], llms: LlmsCopies?) {
        let site = loaded.site
        let linked = rendered.linked
        var files = rendered.pages.map { page -> OutputFile in
            if rendered.written.contains(page.index) { return OutputFile(path: page.outputPath, contents: .written) }
            if let folder = previous.htmlFolder, linked.contains(site.pages[page.index].sourcePath) {
                return OutputFile(path: page.outputPath, contents: .link(from: PathText.join(folder, page.outputPath)))
            }
            return OutputFile(path: page.outputPath, contents: .text(page.html))
        }
        files.append(OutputFile(path: "404.html", contents: .text(rendered.renderer.renderNotFound())))
        files.append(OutputFile(path: "sitemap.xml", contents: .text(Sitemap.xml(for: site))))
        files += Redirects.files(for: site)
        files += NavigationFiles.files(
            for: rendered.renderer, keptIn: rendered.navigationKept ? previous.htmlFolder : nil)
        let llms = LlmsFiles.files(for: site, rendered: rendered, previous: previous)
        files += llms.files
        files += loaded.assets.map { OutputFile(path: $0.output, contents: .copy(from: $0.source)) }
        let contentDir = PathText.join(options.source, site.config.contentFolder)
        files += site.staticFiles.map {
            OutputFile(
                path: PageLocation.staticOutputPath($0, style: site.config.urlStyle),
                contents: .copy(from: PathText.join(contentDir, $0)))
        }
        return (files, llms.copies)
    }

    /// The search index's files, each page's part of it by source path, and the files' digests.
    private struct Searched: Sendable {
        var files: [OutputFile] = []
        var parts: [String: SearchPart] = [:]
        var digests: [String: UInt64] = [:]
        var memo: SearchMemo?
    }

    private func searchIndex(previous: BuildState) -> Searched {
        let site = loaded.site
        let linked = rendered.linked
        // Without an index, the parts of pages whose HTML is linked are kept for whoever makes
        // one later (the preview makes it on request): their rendering has no text to make it.
        guard options.searchIndex else {
            return Searched(parts: previous.searchParts.filter { linked.contains($0.key) })
        }
        let kept = linked.isEmpty ? [:] : previous.searchParts
        let made = rendered.searchParts
        let searched = SiteSearch.searched(rendered.pages, in: site)
        let parts = SiteSearch.parts(site: site, pages: searched) { page in
            if page.index < made.count, let part = made[page.index] { return part }
            let source = site.pages[page.index].sourcePath
            return linked.contains(source) ? kept[source] : nil
        }
        let sources = searched.map { site.pages[$0.index].sourcePath }
        let sourcesKey = Self.key(of: sources)
        let search = SiteSearch.files(
            parts: parts, site: site, stemming: options.stemming, previous: previous.searchFiles,
            previousFolder: previous.htmlFolder,
            patching: previous.searchMemo.flatMap { memo in
                guard memo.sources == sourcesKey else { return nil }
                return Self.changes(parts: parts, sources: sources, previous: previous.searchParts).map { (memo, $0) }
            })
        var memo = search.memo
        memo.sources = sourcesKey
        return Searched(
            files: search.files, parts: Dictionary(zip(sources, parts), uniquingKeysWith: { $1 }), digests: search.digests,
            memo: memo)
    }

    /// A digest of the indexed pages' source paths, in order (see `SearchMemo.sources`).
    static func key(of sources: [String]) -> UInt64 {
        var hash = StableHash()
        for source in sources { hash.add(source) }
        return hash.value
    }

    /// The pages whose shares differ from the last build's, numbered as in the index; `nil`
    /// when a page has no share from it, or when so many changed that gathering every page's
    /// words costs less than patching.
    static func changes(parts: [SearchPart], sources: [String], previous: [String: SearchPart]) -> [SearchMemo.Change]? {
        let limit = max(16, parts.count / 8)
        var changes: [SearchMemo.Change] = []
        for (number, part) in parts.enumerated() {
            guard let old = previous[sources[number]] else { return nil }
            guard old != part else { continue }
            changes.append(SearchMemo.Change(page: Int32(number), old: old, new: part))
            if changes.count > limit { return nil }
        }
        return changes
    }
}

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
}

/// Gathers the site's files: each page (its HTML, or a link to the HTML an earlier build left),
/// the not-found page, the sitemap, `llms.txt` and the pages' Markdown copies, the search index, the templates' assets and the files beside
/// the pages.
struct IndexStage {
    let options: BuildOptions
    let loaded: Loaded
    let rendered: Rendered

    func run(previous: BuildState) -> Indexed {
        // The search index is made on another thread while this one gathers the rest: at 10,000
        // pages each half took about 200 ms, one after the other.
        let searching = Background { self.searchIndex(previous: previous) }
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
        let search = searching.value() ?? Searched()
        files += search.files
        files.sort { $0.path < $1.path }
        return Indexed(files: files, searchParts: search.parts, searchFiles: search.digests, llmsCopies: llms.copies)
    }

    /// The search index's files, each page's part of it by source path, and the files' digests.
    private struct Searched: Sendable {
        var files: [OutputFile] = []
        var parts: [String: SearchPart] = [:]
        var digests: [String: UInt64] = [:]
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
        let search = SiteSearch.files(
            parts: parts, site: site, stemming: options.stemming, previous: previous.searchFiles,
            previousFolder: previous.htmlFolder)
        return Searched(
            files: search.files,
            parts: Dictionary(zip(searched, parts).map { (site.pages[$0.index].sourcePath, $1) }, uniquingKeysWith: { $1 }),
            digests: search.digests)
    }
}

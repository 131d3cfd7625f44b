internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender

/// The render stage's values: every page's HTML and facts, in `site.pages` order.
struct Rendered: Sendable {
    var renderer: SiteRenderer
    var pages: [RenderedPage]
    /// Pages reused from a state whose HTML is in its `htmlFolder`, by source path.
    var linked: Set<String>
    /// Whether every page was rendered anew (nothing reused).
    var renderedAll: Bool
    /// Pages written into the new output folder as they were rendered, by index: their HTML
    /// is there, not in `pages`.
    var written: Set<Int> = []
    /// The search index's share of each page rendered in this build, by page index (`nil` for a
    /// page kept from an earlier build, or when the build makes no index).
    var searchParts: [SearchPart?] = []
}

/// Renders each page through libcmark and its template, in parallel; reuses the previous
/// rendering of a page whose file did not change when nothing it shows beside its body did
/// either (the titles of the pages it names, the site's shape, files beside the pages,
/// templates, configuration, framework, examples).
struct RenderStage {
    let loaded: Loaded
    let templates: TemplateSet
    let options: BuildOptions
    /// Where each page rendered anew is written at once, so its HTML is not kept; `nil` keeps
    /// every page's HTML in memory (the preview, a check without output).
    var staging: OutputFolder.Staging?

    func run(previous: BuildState, changes: ChangeSet) -> Rendered {
        let site = loaded.site
        let assetOutputs = loaded.assets.map(\.output)
        let changed: Set<String>
        switch changes {
        case .everything: changed = []
        case .paths(let paths): changed = paths
        }
        let navigation = site.pages.map(NavigationEntry.init)
        let navigationKept = navigation == previous.navigation
        // A new title shows on the few pages that name it; a new shape of the site, anywhere.
        let showingChanges = navigationKept
            ? [] : NavigationChange.pagesToRender(previous: previous.navigation, current: navigation, site: site)
        let renderAll = changes == .everything || ChangeSet.showsOnEveryPage(changed) || showingChanges == nil
            || site.staticFiles != previous.staticFiles || assetOutputs != previous.assetOutputs
        let renderer: SiteRenderer
        if let kept = previous.memory?.renderer, !renderAll, navigationKept {
            renderer = kept.keepingNavigation(for: site, lint: loaded.lint, gitFacts: loaded.git.facts)
        } else {
            renderer = SiteRenderer(
                site: site, templates: templates, assetFiles: assetOutputs, lint: loaded.lint,
                codeColouring: options.codeColouring, gitFacts: loaded.git.facts)
        }
        let contentChanged = Set(changed.compactMap { $0.hasPrefix("content/") ? String($0.dropFirst(8)) : nil })
        let reusable = renderAll ? [:] : previous.rendered
        let showing = showingChanges ?? []
        let gitFacts = loaded.git.facts
        // A page shows its last update from git: a new commit to its file (or a history that can
        // no longer be read) renders it again, as a change to its bytes does.
        let isKept: @Sendable (Int) -> Bool = { index in
            let page = site.pages[index]
            guard !contentChanged.contains(page.sourcePath), !showing.contains(index), !BuildState.isAlwaysRendered(page),
                let kept = reusable[page.sourcePath]
            else { return false }
            return kept.gitFact == gitFacts[page.sourcePath]
        }
        let searchIndex = options.searchIndex
        let made = Array(site.pages.indices).parallelMap { index -> (RenderedPage, SearchPart?) in
            let page = site.pages[index]
            if isKept(index), var kept = reusable[page.sourcePath] {
                kept.index = index
                return (kept, nil)
            }
            var rendered = renderer.render(page: index)
            if let staging {
                staging.write(rendered.html, to: rendered.outputPath)
                rendered.html = ""
            }
            // The page's share of the search index is made here, on the thread that rendered it,
            // while its text is at hand.
            return (rendered, searchIndex ? SiteSearch.part(site: site, rendered: rendered) : nil)
        }
        let pages = made.map(\.0)
        // Kept pages that came from the disk cache have no HTML here: theirs is in the old output.
        let kept = Set(site.pages.indices.filter(isKept))
        let linked = renderAll ? [] : Set(kept.map { site.pages[$0].sourcePath }).intersection(previous.linked)
        return Rendered(
            renderer: renderer, pages: pages, linked: linked, renderedAll: renderAll,
            written: staging == nil ? [] : Set(site.pages.indices).subtracting(kept), searchParts: made.map(\.1))
    }
}

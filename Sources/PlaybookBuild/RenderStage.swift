internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

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
    /// The navigation and everything else the sidebar shows are as the previous build had them,
    /// so its sidebar scripts are too.
    var navigationKept = false
    /// Each page's part of the print page, by page index (`PrintBook`); empty without one.
    var printParts: [String?] = []
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
        let renderAll = changes == .everything || ChangeSet.showsOnEveryPage(changed, contentPrefix: site.config.contentPrefix) || showingChanges == nil
            || site.staticFiles != previous.staticFiles || assetOutputs != previous.assetOutputs
        if renderAll {
            // Facts from git are set once the git pass ends (see `renderAll(with:)`).
            return self.renderAll(with: SiteRenderer(
                site: site, templates: templates, assetFiles: assetOutputs, lint: loaded.lint,
                codeColouring: options.codeColouring))
        }
        let renderer = renderer(previous: previous, navigationKept: navigationKept)
        let contentChanged = ChangeSet.contentPaths(changed, prefix: site.config.contentPrefix)
        let reusable = previous.rendered
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
        var made = Self.pagesInParallel(of: site).parallelMap { index -> (RenderedPage, SearchPart?) in
            let page = site.pages[index]
            if isKept(index), var kept = reusable[page.sourcePath] {
                kept.index = index
                return (kept, nil)
            }
            return finished(renderer.body(of: index), by: renderer)
        }
        let parts = Self.printPage(of: site).map { index in
            let parts = renderer.printParts(from: made.map(\.0))
            made.append(finished(renderer.printBody(of: index, parts: parts), by: renderer))
            return parts
        }
        let pages = made.map(\.0)
        // Kept pages that came from the disk cache have no HTML here: theirs is in the old output.
        let kept = Set(site.pages.indices.filter(isKept))
        let linked = Set(kept.map { site.pages[$0].sourcePath }).intersection(previous.linked)
        var result = Rendered(
            renderer: renderer, pages: pages, linked: linked, renderedAll: false,
            written: staging == nil ? [] : Set(site.pages.indices).subtracting(kept), searchParts: made.map(\.1))
        result.navigationKept = navigationKept
        result.printParts = parts ?? []
        return result
    }

    /// The renderer for a build that renders some pages: the previous one's, with its sidebars,
    /// when the navigation is as it was and the state kept it in memory; else a new one.
    private func renderer(previous: BuildState, navigationKept: Bool) -> SiteRenderer {
        if let kept = previous.memory?.renderer, navigationKept {
            return kept.keepingNavigation(for: loaded.site, lint: loaded.lint, gitFacts: loaded.git.facts)
        }
        return SiteRenderer(
            site: loaded.site, templates: templates, assetFiles: loaded.assets.map(\.output), lint: loaded.lint,
            codeColouring: options.codeColouring, gitFacts: loaded.git.facts)
    }

    /// Every page rendered anew. Each page's body (libcmark, code colours, diagrams, its share
    /// of the search index) needs nothing from git, so while the git pass still runs a page
    /// stops there; once it has ended, pages are rendered whole, and those that stopped are put
    /// in their templates afterwards. On a 1,000-page site with 5,000 commits this hides most
    /// of `git log`'s time behind the bodies.
    private func renderAll(with renderer: SiteRenderer) -> Rendered {
        let site = loaded.site
        let gitPass = loaded.gitPass
        let finishing = FinishingRenderer(renderer: renderer, gitPass: gitPass)
        let first = Self.pagesInParallel(of: site).parallelMap { index -> Either in
            let body = renderer.body(of: index)
            if let whole = finishing.ready() { return .page(finished(body, by: whole.renderer)) }
            return .body(body, searchIndex ? SiteSearch.part(site: site, rendered: body.page) : nil)
        }
        let whole = finishing.waiting()
        var made = first.parallelMap { made -> (RenderedPage, SearchPart?) in
            switch made {
            case .page(let page): return page
            case .body(let body, let part): return (finished(body, by: whole, part: part).0, part)
            }
        }
        let parts = Self.printPage(of: site).map { index in
            let parts = whole.printParts(from: made.map(\.0))
            made.append(finished(whole.printBody(of: index, parts: parts), by: whole))
            return parts
        }
        var result = Rendered(
            renderer: whole, pages: made.map(\.0), linked: [], renderedAll: true,
            written: staging == nil ? [] : Set(site.pages.indices), searchParts: made.map(\.1))
        result.printParts = parts ?? []
        return result
    }

    /// The index of the print page, the site's last when there is one (`PrintPage`). It is
    /// rendered after the others: its body renders every page again (`PrintBook`) on all cores,
    /// which it could not do as one task of the pages' parallel loop.
    static func printPage(of site: Site) -> Int? {
        guard let last = site.pages.indices.last, site.pages[last].kind == .print else { return nil }
        return last
    }

    /// The pages rendered in parallel: all but the print page.
    private static func pagesInParallel(of site: Site) -> [Int] {
        Array(site.pages.indices.dropLast(printPage(of: site) == nil ? 0 : 1))
    }

    /// A page rendered so far, by `renderAll(with:)`'s first pass.
    private enum Either: Sendable {
        case page((RenderedPage, SearchPart?))
        case body(PageBody, SearchPart?)
    }

    /// `body` in its template, written into the new output folder at once when there is one (its
    /// HTML is then not kept), with its share of the search index (`part` when it has one).
    private func finished(_ body: PageBody, by renderer: SiteRenderer, part: SearchPart? = nil)
        -> (RenderedPage, SearchPart?)
    {
        var rendered = renderer.finish(body)
        if let staging {
            staging.write(rendered.html, to: rendered.outputPath)
            rendered.html = ""
        }
        // The page's share of the search index is made here, on the thread that rendered it,
        // while its text is at hand.
        let search = part ?? (options.searchIndex ? SiteSearch.part(site: loaded.site, rendered: rendered) : nil)
        if staging != nil {
            // Its texts served only to make that share (the preview, which writes nothing, keeps
            // them to make the shares on request): freed now, they are not held for every page
            // until the build ends (70 MB at 10,000 pages).
            rendered.plainText = ""
            rendered.sectionTexts = []
        }
        return (rendered, search)
    }

    private var searchIndex: Bool { options.searchIndex }
}

/// The renderer with the facts from git, made once when the git pass has ended.
private final class FinishingRenderer: @unchecked Sendable {
    /// The renderer with the facts, by reference: each page asks for it, and a copy of the
    /// struct retained and released every field of it, on both cores at once.
    final class Whole: Sendable {
        let renderer: SiteRenderer
        init(_ renderer: SiteRenderer) { self.renderer = renderer }
    }

    private let renderer: SiteRenderer
    private let gitPass: Background<GitHistory>
    private let lock = NSLock()
    private var whole: Whole?

    init(renderer: SiteRenderer, gitPass: Background<GitHistory>) {
        self.renderer = renderer
        self.gitPass = gitPass
    }

    /// The renderer with the facts, or `nil` while the git pass runs.
    func ready() -> Whole? {
        lock.lock()
        defer { lock.unlock() }
        if let whole { return whole }
        guard let history = gitPass.valueIfReady() else { return nil }
        whole = Whole(renderer.with(gitFacts: history.facts))
        return whole
    }

    /// The renderer with the facts, waiting for the git pass.
    func waiting() -> SiteRenderer {
        _ = gitPass.value()
        return ready()?.renderer ?? renderer
    }
}

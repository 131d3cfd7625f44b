internal import PlaybookDiagnostics
public import PlaybookModel
internal import PlaybookRender

/// What a build leaves for the next one: an immutable record of every stage's per-page output,
/// each valid for the inputs it was made from. A full build is `Build.run(previous: nil, …)`;
/// `playbook serve` keeps the state in memory between saves, and the build cache writes it to
/// disk (`DiskCache`), so all three are the same function started from different states.
///
/// What decides reuse is content, never a file's time: the sources' digests (`manifest`), each
/// page's file as read (`pageCache`), and what every page shows of the others (`navigation`,
/// `staticFiles`, `assetOutputs`). A page is rendered again when its own file changed, or when
/// anything it shows beside its body changed: the navigation, a template, the configuration,
/// the framework or the examples a ```lint fence reads.
public struct BuildState: Sendable {
    /// The sources as this build read them, with their digests; `nil` when the caller told the
    /// build which paths changed instead (the preview server's watcher).
    let manifest: SourceManifest?
    /// Every Markdown file as read: its page and problems.
    let pageCache: ContentLoader.PageCache
    /// What each page of this build showed on the others, in page order.
    let navigation: [NavigationEntry]
    let staticFiles: [String]
    let assetOutputs: [String]
    /// Rendered pages by source path (not the always-rendered plans and lint pages).
    let rendered: [String: RenderedPage]
    /// Each rendered page's part of the search index, by source path.
    let searchParts: [String: SearchPart]
    /// Where the HTML of the pages in `linked` is: their `rendered` entry holds only the facts.
    let htmlFolder: String?
    let linked: Set<String>
    /// What only a state kept in memory holds: the loaded templates, the renderer with its
    /// navigation, and the last build's output for the quick path.
    let memory: Memory?
    /// The search index's files this build wrote into `htmlFolder`, with the digest of each
    /// text: a later build links those it would write with the same text.
    var searchFiles: [String: UInt64] = [:]
    /// The pages' facts from git, with the probe they were read for: the next build keeps them
    /// for the same commit, and reads only the commits since for a later one.
    var git: GitHistory?
    /// Where each page's Markdown copy is in the `llms-full.txt` in `htmlFolder`.
    var llmsCopies: LlmsCopies?
    /// The search index's words as made from `searchParts`, for the next build to patch.
    var searchMemo: SearchMemo?

    /// The part of a state that is never written to disk.
    struct Memory: Sendable {
        var templates: TemplateSet?
        var templateProblems: [Diagnostic]
        var assets: [(output: String, source: String)]
        var renderer: SiteRenderer?
        var last: LastBuild?
    }

    /// A state with nothing in it: what `Build.run(previous: nil, …)` starts from.
    static let empty = BuildState(
        manifest: nil, pageCache: ContentLoader.PageCache(), navigation: [], staticFiles: [], assetOutputs: [],
        rendered: [:], searchParts: [:], htmlFolder: nil, linked: [], memory: nil)

    /// The same state without what its caller says is out of date.
    func replacing(manifest: SourceManifest?) -> BuildState {
        BuildState(
            manifest: manifest, pageCache: pageCache, navigation: navigation, staticFiles: staticFiles,
            assetOutputs: assetOutputs, rendered: rendered, searchParts: searchParts, htmlFolder: htmlFolder,
            linked: linked, memory: memory, searchFiles: searchFiles, git: git, llmsCopies: llmsCopies,
            searchMemo: searchMemo)
    }

    /// Pages rendered in every build, never reused: a plan shows lint findings, which can depend
    /// on other plans, and the lint pages quote headings of the pages their rules enforce.
    static func isAlwaysRendered(_ page: Page) -> Bool {
        page.kind != .page
    }
}

/// What the previous build produced, kept in memory for the quick path (`QuickRebuild`).
struct LastBuild: Sendable {
    var site: Site
    var pages: [RenderedPage]
    var files: [OutputFile]
    var fileIndex: [String: Int]
    var loadDiagnostics: [Diagnostic]
    var frameworkDiagnostics: [Diagnostic]
    var linkDiagnostics: [[Diagnostic]]
    var anchors: [Set<String>]
    var incoming: [Int: Set<Int>]
    /// Each page's part of the print page (`Rendered.printParts`), so a save renders only its own.
    var printParts: [String?] = []
}

/// What changed since the state a build starts from.
public enum ChangeSet: Sendable, Equatable {
    /// Treat everything as new: a full build.
    case everything
    /// These site-relative paths (`content/a.md`, `templates/page.mustache`, `playbook.yml`)
    /// changed; nothing else did.
    case paths(Set<String>)

    /// The changed paths under the content folder (`prefix`, such as `content/`), relative to it.
    static func contentPaths(_ changed: Set<String>, prefix: String) -> Set<String> {
        Set(changed.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil })
    }

    /// Whether a changed path can show on any page: the config, the framework, a template, or a
    /// file under examples/ (shown on whichever page has a ```lint fence naming it).
    static func showsOnEveryPage(_ changed: Set<String>, contentPrefix: String = "content/") -> Bool {
        changed.contains("playbook.yml") || changed.contains(contentPrefix + "framework.yml")
            || changed.contains { $0.hasPrefix("templates/") && !$0.hasPrefix("templates/assets/") }
            || changed.contains { $0.hasPrefix(LintFence.folder + "/") }
    }
}

/// What of a page shows on other pages: when none of it changed, other pages need no new render.
struct NavigationEntry: Equatable, Sendable {
    var sourcePath: String
    var url: String
    var title: String
    var weight: Int?
    var description: String?
    var type: String?
    var isSectionIndex: Bool
    /// With its positions: problems with the list are reported there, and the quick path keeps
    /// them only while they are still true.
    var order: [OrderName]

    init(_ page: Page) {
        sourcePath = page.sourcePath
        url = page.url
        title = page.title
        weight = page.weight
        description = page.description
        type = page.type
        isSectionIndex = page.isSectionIndex
        order = page.order
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender

/// The check stage's values: the problems of every link and anchor, and what the quick path
/// needs to check only the links a change can break.
struct Checked: Sendable {
    var frameworkDiagnostics: [Diagnostic]
    /// Each page's link problems, in `site.pages` order.
    var linkDiagnostics: [[Diagnostic]]
    var anchors: [Set<String>]
    /// For each page, the pages that link to it.
    var incoming: [Int: Set<Int>]

    var diagnostics: [Diagnostic] { frameworkDiagnostics + linkDiagnostics.flatMap { $0 } }
}

/// Tests every link and anchor of the rendered pages against the rendered facts, and the
/// framework's references to pages.
struct CheckStage {
    let site: Site
    let rendered: Rendered

    func run() -> Checked {
        let checker = LinkChecker(site: site, pages: rendered.pages, resolver: rendered.renderer.links)
        var incoming: [Int: Set<Int>] = [:]
        for page in rendered.pages {
            for target in LinkChecker.targets(of: page) { incoming[target, default: []].insert(page.index) }
        }
        return Checked(
            frameworkDiagnostics: checker.checkFramework(), linkDiagnostics: rendered.pages.map { checker.check($0) },
            anchors: checker.anchors, incoming: incoming)
    }
}

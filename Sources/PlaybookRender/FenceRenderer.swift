internal import PlaybookDiagnostics
internal import PlaybookDiagrams
internal import PlaybookHighlight
internal import PlaybookLint
internal import PlaybookModel

/// Renders fenced code blocks whose info string names something the build draws itself
/// (`diagram`, and `lint` with a plan's path, see `LintFence`), and colours code in a language the highlighter knows; every other
/// fence stays a plain code block.
struct FenceRenderer: Sendable {
    let site: Site
    private let highlighter = CodeHighlighter()

    init(site: Site) {
        self.site = site
    }

    /// HTML to put in place of the fence (`nil` keeps it as code) and any problems, positioned
    /// at the fence's opening line.
    ///
    /// A ```diagram fence becomes an inline SVG figure; a spec with an error stays a code block
    /// and its diagnostics fail the build. Code in a known language comes back highlighted;
    /// an unknown language is no problem, just plain code.
    func render(info: String, code: String, at location: SourceLocation) -> (html: String?, diagnostics: [Diagnostic]) {
        let words = info.split(whereSeparator: \.isWhitespace)
        switch words.first {
        case "diagram": return diagrams(forPageAt: location.file).render(code, at: location)
        case "lint": return LintFence(site: site).render(arguments: words.dropFirst().map(String.init), at: location)
        default: return (highlighter.block(code: code, info: info), [])
        }
    }

    /// The two diagrams generated for a plan page (traceability, then the timeline), or none for
    /// any other page.
    func planDiagrams(for page: Page) -> [String] {
        diagrams(forPageAt: page.displayPath).planDiagrams()
    }

    /// A diagram renderer for the page written at `path`: with the site's framework, and with the
    /// page's engagement plan and the lint's buffer limit when the page is a plan.
    private func diagrams(forPageAt path: String) -> DiagramRenderer {
        guard path.hasPrefix("content/"), let index = site.pageIndexBySource[String(path.dropFirst("content/".count))],
            case let page = site.pages[index], page.type == "plan",
            let root = page.frontMatter
        else { return DiagramRenderer(framework: site.framework) }
        let plan = EngagementPlan.decode(root, file: page.displayPath).0
        let limits = LintConfig.parse(site.config.lint).0.limits
        return DiagramRenderer(framework: site.framework, plan: plan, bufferDays: { limits.bufferDays(start: $0, end: $1) })
    }
}

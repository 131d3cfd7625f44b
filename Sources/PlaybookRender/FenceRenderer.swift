internal import PlaybookDiagnostics
internal import PlaybookDiagrams
internal import PlaybookMarkdown
internal import PlaybookModel

/// Renders fenced code blocks whose info string names something the build draws itself
/// (`diagram`, and `lint` with a plan's path, see `LintFence`), and colours code in a language the
/// build's `CodeColouring` knows; every other fence stays a plain code block.
struct FenceRenderer: Sendable {
    let site: Site
    /// Colours code fences; `nil` keeps them plain.
    private let colouring: (any CodeColouring)?
    /// What the build's lint knows: diagrams draw its buffer, ```lint and ```yaml plan fences
    /// lint with it.
    private let lint: LintFacts

    init(site: Site, lint: LintFacts, colouring: (any CodeColouring)?) {
        self.site = site
        self.lint = lint
        self.colouring = colouring
    }

    /// HTML to put in place of the fence (`nil` keeps it as code) and any problems, positioned
    /// at the fence's opening line.
    ///
    /// A ```diagram fence becomes an inline SVG figure; a spec with an error stays a code block
    /// and its diagnostics fail the build. ```diagram example, ```yaml front-matter and
    /// ```yaml plan show an example that the build checks (`ExampleFences`). Code in a known
    /// language comes back coloured (when the build has a `CodeColouring`); an unknown language is no problem, just plain code.
    ///
    /// - Parameter examplePlan: the plan of the page's last ```yaml plan fence, if any: diagrams
    ///   after it draw that plan. A ```yaml plan fence returns its plan for the next fences.
    func render(info: String, code: String, at location: SourceLocation, examplePlan: EngagementPlan? = nil)
        -> (html: String?, diagnostics: [Diagnostic], plan: EngagementPlan?)
    {
        let words = info.split(whereSeparator: \.isWhitespace)
        let second = words.dropFirst().first.map(String.init)
        let examples = ExampleFences(site: site, colouring: colouring, linter: lint.examples)
        func keep(_ result: (html: String?, diagnostics: [Diagnostic])) -> (String?, [Diagnostic], EngagementPlan?) {
            (result.html, result.diagnostics, examplePlan)
        }
        switch words.first {
        case "diagram":
            let renderer = diagrams(forPageAt: location.file, examplePlan: examplePlan)
            if second == ExampleFences.exampleWord { return keep(examples.diagram(code, at: location, renderer: renderer)) }
            return keep(renderer.render(code, at: location))
        case "lint":
            let fence = LintFence(site: site, linter: lint.examples)
            return keep(fence.render(arguments: words.dropFirst().map(String.init), at: location))
        case "yaml" where second == ExampleFences.frontMatterWord: return keep(examples.frontMatter(code, at: location))
        case "yaml" where second == ExampleFences.planWord:
            let result = examples.plan(code, at: location)
            return (result.html, result.diagnostics, result.plan ?? examplePlan)
        default: return (colouring?.block(code: code, info: info), [], examplePlan)
        }
    }

    /// The two diagrams generated for a plan page (traceability, then the timeline), or none for
    /// any other page.
    func planDiagrams(for page: Page) -> [String] {
        diagrams(forPageAt: page.displayPath).planDiagrams()
    }

    /// A diagram renderer for the page written at `path`: with the site's framework, and with the
    /// page's engagement plan (or else the plan of an example above the fence) and the lint's
    /// buffer limit.
    private func diagrams(forPageAt path: String, examplePlan: EngagementPlan? = nil) -> DiagramRenderer {
        let bufferDays = lint.bufferDays
        let prefix = site.config.contentPrefix
        guard path.hasPrefix(prefix), let index = site.pageIndexBySource[String(path.dropFirst(prefix.count))],
            case let page = site.pages[index], page.kind == .plan,
            let root = page.frontMatter
        else {
            guard let examplePlan else { return DiagramRenderer(framework: site.framework) }
            return DiagramRenderer(framework: site.framework, plan: examplePlan, bufferDays: bufferDays)
        }
        let plan = EngagementPlan.decode(root, file: page.displayPath).0
        return DiagramRenderer(framework: site.framework, plan: plan, bufferDays: bufferDays)
    }
}

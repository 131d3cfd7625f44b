internal import Foundation
internal import PlaybookDiagnostics
internal import PlaybookDiagrams
internal import PlaybookMarkdown
internal import PlaybookModel

/// Fences that show an example and have the build check it, so a guide for writers cannot drift
/// from the tool:
///
/// - ```` ```diagram example ````: the spec as a highlighted YAML block beside the diagram the
///   build drew from it; a bad spec fails the build as in any ```` ```diagram ```` fence.
/// - ```` ```yaml front-matter ````: front matter (optionally between `---` lines, with a body
///   after them) read by the reader pages use; its errors and unknown-key warnings point at the
///   fence's lines.
/// - ```` ```yaml plan ````: an engagement plan's front matter, decoded and linted with the
///   site's `lint:` settings; its findings point at the fence's lines. Later ```` ```diagram ````
///   fences on the same page draw this plan (`traceability`, `timeline`).
struct ExampleFences: Sendable {
    /// The words after `yaml` that name a checked front-matter example.
    static let frontMatterWord = "front-matter"
    /// The word after `yaml` that names a checked plan example.
    static let planWord = "plan"
    /// The word after `diagram` that shows the spec beside its drawing.
    static let exampleWord = "example"

    let site: Site
    /// Colours the YAML of examples; `nil` keeps it plain.
    let colouring: (any CodeColouring)?
    /// Lints plan examples with the site's `lint:` settings.
    let linter: ExampleLinter

    /// The spec as code beside the figure; `nil` and the spec's problems when it has an error.
    func diagram(_ spec: String, at fence: SourceLocation, renderer: DiagramRenderer) -> (html: String?, diagnostics: [Diagnostic]) {
        let (figure, problems) = renderer.render(spec, at: fence)
        guard let figure else { return (nil, problems) }
        let html = """
            <div class="diagram-example">
            <div class="diagram-example-spec">
            <p class="diagram-example-label">The spec you write</p>
            \(yamlBlock(spec))</div>
            <div class="diagram-example-result">
            <p class="diagram-example-label">What the build draws</p>
            \(figure)</div>
            </div>

            """
        return (html, problems)
    }

    /// The example as a YAML block, and the problems the page reader finds in it, positioned at
    /// the fence's lines. With `---` lines, the YAML between them is read and the rest is body.
    func frontMatter(_ code: String, at fence: SourceLocation) -> (html: String?, diagnostics: [Diagnostic]) {
        let (yaml, firstLine) = Self.frontMatterText(code)
        let problems: [Diagnostic]
        switch YAMLParser.parse(yaml, file: fence.file, lineOffset: fence.line + firstLine - 1) {
        case .failure(let problem): problems = [problem]
        case .success(let root): problems = PageMetadata.read(root, file: fence.file).1
        }
        return (yamlBlock(code), problems)
    }

    /// The plan as a YAML block, its lint findings (errors are warnings when `fail-build` is
    /// false, as for the site's plans), and the plan for later diagrams of the page.
    func plan(_ code: String, at fence: SourceLocation) -> (html: String?, diagnostics: [Diagnostic], plan: EngagementPlan?) {
        let (yaml, firstLine) = Self.frontMatterText(code)
        let root: YAMLNode
        switch YAMLParser.parse(yaml, file: fence.file, lineOffset: fence.line + firstLine - 1) {
        case .failure(let problem): return (yamlBlock(code), [problem], nil)
        case .success(let node?): root = node
        case .success(nil):
            let empty = Diagnostic.error(
                "fence/plan", at: fence, "the plan example is empty",
                hint: "write a plan's front matter in the fence, as in content/plans/template.md")
            return (yamlBlock(code), [empty], nil)
        }
        let (diagnostics, plan) = linter.planExample(root, fence.file)
        return (yamlBlock(code), diagnostics, plan)
    }

    /// The YAML to read from a front-matter example and the example's line it starts on: the
    /// lines between a leading `---` line and the next `---` line, or the whole text.
    static func frontMatterText(_ code: String) -> (yaml: String, firstLine: Int) {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ line: Substring) -> Bool { line.trimmingCharacters(in: .whitespacesAndNewlines) == "---" }
        guard let first = lines.first, isFence(first) else { return (code, 1) }
        let inside = lines.dropFirst().prefix { !isFence($0) }
        return (inside.joined(separator: "\n") + "\n", 2)
    }

    /// The code as a coloured YAML block (a plain one without a colourer, or if it cannot colour YAML).
    private func yamlBlock(_ code: String) -> String {
        colouring?.block(code: code, info: "yaml")
            ?? "<pre><code class=\"language-yaml\">" + escapeHTML(code) + "</code></pre>\n"
    }
}

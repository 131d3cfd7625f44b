public import PlaybookDiagnostics
public import PlaybookModel

/// Draws diagram specs (the YAML inside a ```diagram fence) as inline, accessible SVG at build time.
///
/// Each diagram becomes a `<figure class="diagram diagram-KIND">` holding two `<svg role="img">`
/// drawings of the same content: `diagram-wide` (about 720 units across, for screens and paper)
/// and `diagram-narrow` (about 340, for phones); the stylesheet shows one of them by the width of
/// the figure. Output depends only on the spec and the framework: the same input gives the same bytes.
public struct DiagramRenderer: Sendable {
    /// The site's framework, which `kind: framework` draws.
    public let framework: Framework?

    /// Creates a renderer for a site whose framework (from `content/framework.yml`) is `framework`.
    public init(framework: Framework?) {
        self.framework = framework
    }

    /// The HTML for one diagram spec, or `nil` when the spec has an error; and every problem with it.
    ///
    /// - Parameters:
    ///   - spec: the fence's text (YAML).
    ///   - fence: the position of the fence's opening line; the spec starts on the next line, and
    ///     problems point at lines and columns of the Markdown file.
    /// - Returns: never throws; errors (`diagram/invalid`) and warnings (`diagram/unknown-key`) are values.
    public func render(_ spec: String, at fence: SourceLocation) -> (html: String?, diagnostics: [Diagnostic]) {
        let (diagram, problems) = DiagramSpec.parse(spec, at: fence, framework: framework)
        guard let diagram else { return (nil, problems) }
        return (Self.figure(diagram), problems)
    }

    /// The figure holding the wide and the narrow drawing of `diagram`.
    static func figure(_ diagram: Diagram) -> String {
        let kind = SVGWriter.escape(diagram.kind)
        var html = "<figure class=\"diagram diagram-\(kind)\">\n"
        for (width, name) in [(Style.wideWidth, "diagram-wide"), (Style.narrowWidth, "diagram-narrow")] {
            html += SVGWriter.svg(diagram.canvas(width: width), title: diagram.title, description: diagram.summary, className: name)
            html += "\n"
        }
        return html + "</figure>\n"
    }
}

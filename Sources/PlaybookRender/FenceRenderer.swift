internal import PlaybookDiagnostics
internal import PlaybookDiagrams
internal import PlaybookModel

/// Renders fenced code blocks whose info string names something the build draws itself
/// (such as `diagram`); every other fence stays a code block.
struct FenceRenderer: Sendable {
    let site: Site

    /// HTML to put in place of the fence (`nil` keeps it as code) and any problems, positioned
    /// at the fence's opening line.
    ///
    /// A ```diagram fence becomes an inline SVG figure; a spec with an error stays a code block
    /// and its diagnostics fail the build.
    func render(info: String, code: String, at location: SourceLocation) -> (html: String?, diagnostics: [Diagnostic]) {
        guard info.split(whereSeparator: \.isWhitespace).first == "diagram" else { return (nil, []) }
        return DiagramRenderer(framework: site.framework).render(code, at: location)
    }
}

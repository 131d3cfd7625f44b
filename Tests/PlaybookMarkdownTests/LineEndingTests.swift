import PlaybookMarkdown
import Testing

/// Tables and strikethrough find their source lines however the lines end (`\n`, `\r\n`, `\r`).
@Suite struct LineEndingTests {
    let renderer = MarkdownRenderer()
    let text = "Intro ~~gone~~\n\n| a | b |\n| - | - |\n| [l](u) | ~~x~~ |\n\nEnd [m](v)\n"

    @Test func everyLineEndingGivesTheSameTableAndPositions() {
        let lf = renderer.render(text)
        #expect(lf.html.contains("<table>"))
        #expect(lf.html.contains("<del>x</del>"))
        #expect(lf.links.map { [$0.line, $0.column] } == [[5, 3], [7, 5]])
        for ending in ["\r\n", "\r"] {
            let other = renderer.render(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: ending))
            #expect(other.html == lf.html)
            #expect(other.links == lf.links)
        }
    }
}

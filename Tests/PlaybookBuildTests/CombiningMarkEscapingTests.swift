import PlaybookBuild
import PlaybookDiagnostics
import PlaybookTesting
import Testing

/// A `"` or `<` followed by a combining mark is one Character; an escaper that compares
/// Characters lets it through and a quoted attribute ends early. Every place that writes content
/// into HTML must escape it.
@Suite struct CombiningMarkEscapingTests {
    static let mark = "\u{301}"

    @Test func theEscaperWorksOnBytes() {
        #expect(escapeHTML("x\"\(Self.mark) onerror=y") == "x&quot;\(Self.mark) onerror=y")
        #expect(escapeHTML("<\(Self.mark)img>") == "&lt;\(Self.mark)img&gt;")
        #expect(escapeHTML("plain café") == "plain café")
    }

    @Test func rawHTMLAttributesHeadingsAndDiagramsStayClosed() throws {
        let site = try FixtureSite([
            "content/_index.md": """
                # Home

                <img src="a.png" alt="x&quot;\(Self.mark) onerror=alert(1) y">

                ## Head "\(Self.mark) onmouseover=alert(1)

                ```diagram
                kind: flow
                steps: ["a\\"\(Self.mark) onload=alert(1)", b]
                ```

                """,
            "content/a.png": "",
        ])
        let result = try site.build(write: false)
        let html = try #require(FixtureSite.text(result, "index.html"))
        #expect(html.contains("alt=\"x&quot;\(Self.mark) onerror=alert(1) y\""), "the alt value stays one attribute")
        #expect(!html.contains("\"\(Self.mark) on"), "no quote ends an attribute before a combining mark")
        #expect(!html.contains("\"\(Self.mark) onload"))
    }
}

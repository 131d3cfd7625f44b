import PlaybookMarkdown
import Testing

/// `MarkdownSource.rewritingLinks`: the destinations cmark finds are replaced where they are
/// written; every other byte stays.
@Suite struct LinkRewritingTests {
    func absolute(_ text: String) -> String {
        MarkdownSource.rewritingLinks(in: text) { destination, isImage in
            destination.hasPrefix("http") ? nil : (isImage ? "/img/" : "/x/") + destination
        }
    }

    @Test func inlineLinksAndImagesAreRewrittenInPlace() {
        #expect(absolute("A [b](b.md \"t\") and ![c](c.png)\r\nnext\n") == "A [b](/x/b.md \"t\") and ![c](/img/c.png)\r\nnext\n")
        #expect(absolute("- item\n  with [d]( d.md )\n") == "- item\n  with [d]( /x/d.md )\n")
        #expect(absolute("[e](<e f.md>)\n") == "[e](</x/e f.md>)\n")
    }

    @Test func codeReferenceLinksAndOtherSitesStayAsWritten() {
        let text = "`[a](a.md)` [ref][r] [out](https://example.com)\n\n    [b](b.md)\n\n[r]: r.md\n"
        #expect(absolute(text) == text)
    }

    @Test func aReplacementWithSpacesOrParenthesesGetsAngleBrackets() {
        let text = MarkdownSource.rewritingLinks(in: "[a](a.md)\n") { _, _ in "/a (1)/" }
        #expect(text == "[a](</a (1)/>)\n")
    }
}

import PlaybookMarkdown
import Testing

/// `SecondRendering`: the tree of one parse written a second time with other ids, heading
/// levels and links gives what rendering the text with those options gives, and leaves the
/// first rendering as it was.
@Suite struct SecondRenderingTests {
    static let text = """
        # Title

        Intro with [a link](a.md#part), ![an image](pic.png) and <img src="raw.png" alt="raw">.

        ## Part one

        - [ ] Call [the customer](b.md)
        - [x] Send **the notes**

        | Where | Link |
        |---|---|
        | cell | [c](c.md) and ![i](cell.png) |

        > [!TIP]
        > A tip with [d](d.md).

        ```swift
        let x = 1
        ```

        ## Part one
        """

    static func rewrite(_ destination: String, _ isImage: Bool) -> String? {
        isImage ? nil : "#print-" + destination
    }

    @Test func theSecondRenderingIsWhatRenderingWithItsOptionsGives() {
        let expected = MarkdownRenderer(options: MarkdownOptions(idPrefix: "p-x--", headingShift: 2))
            .render(Self.text, rewriteLink: Self.rewrite).html
        let both = MarkdownRenderer().render(
            Self.text, rewriteLink: { destination, _ in "/site/" + destination },
            second: SecondRendering(idPrefix: "p-x--", headingShift: 2, rewriteLink: Self.rewrite))
        #expect(both.secondHTML == expected)
        #expect(expected.contains("<h3 id=\"p-x--title\">") && expected.contains("id=\"task-p-x--call-the-customer\""))
        #expect(expected.contains("href=\"#print-c.md\""))
    }

    @Test func theFirstRenderingStaysAsWithoutASecond() {
        let alone = MarkdownRenderer().render(Self.text, rewriteLink: { destination, _ in "/site/" + destination })
        let both = MarkdownRenderer().render(
            Self.text, rewriteLink: { destination, _ in "/site/" + destination },
            second: SecondRendering(idPrefix: "p-", headingShift: 1, rewriteLink: Self.rewrite))
        #expect(both.html == alone.html)
        #expect(both.headings == alone.headings && both.links == alone.links && both.tasks == alone.tasks)
        #expect(alone.secondHTML == nil)
    }
}

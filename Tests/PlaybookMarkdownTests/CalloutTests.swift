import PlaybookMarkdown
import Testing

@Suite struct CalloutTests {
    let renderer = MarkdownRenderer()

    @Test func alertMarkerBecomesALabelledNoteBox() {
        let result = renderer.render("> [!WARNING]\n> Tell the customer *first*.\n")
        #expect(result.html.contains("<div class=\"callout callout-warning\" role=\"note\">"))
        #expect(result.html.contains("<svg class=\"callout-icon\""))
        #expect(result.html.contains("</svg>Warning</p>\n<p>Tell the customer <em>first</em>.</p>\n</div>"))
        #expect(!result.html.contains("[!WARNING]"))
        #expect(!result.html.contains("<blockquote"))
        #expect(!result.plainText.contains("[!"), "the marker is not searchable text: \(result.plainText)")
        #expect(result.plainText.contains("Tell the customer first."))
    }

    @Test func everyGitHubKindInAnyCase() {
        for (marker, kind) in [("NOTE", "note"), ("tip", "tip"), ("Important", "important"), ("CAUTION", "caution")] {
            let html = renderer.render("> [!\(marker)]\n> Body.\n").html
            #expect(html.contains("callout-\(kind)"), "\(marker)")
        }
    }

    @Test func markerAloneThenParagraphsAndLists() {
        let html = renderer.render("> [!TIP]\n>\n> First.\n>\n> - [ ] a task\n").html
        #expect(html.contains("</svg>Tip</p>\n<p>First.</p>"))
        #expect(html.contains("<label class=\"task\">"))
        #expect(!html.contains("<p></p>"))
    }

    @Test func ordinaryQuotesStayQuotes() {
        for text in ["> [!NOTE] on the same line\n", "> [!UNKNOWN]\n> x\n", "> Just a quote\n", "> [NOTE]\n> x\n", "> **[!NOTE]**\n> x\n"] {
            let html = renderer.render(text).html
            #expect(html.contains("<blockquote>"), "\(text)")
            #expect(!html.contains("callout"), "\(text)")
        }
    }

    @Test func nestedCalloutInsideAListItem() {
        let html = renderer.render("- item\n\n  > [!NOTE]\n  > inside\n").html
        #expect(html.contains("<li>\n<p>item</p>\n<div class=\"callout callout-note\""))
    }
}

@Suite struct ReadingAidsTests {
    let renderer = MarkdownRenderer()

    @Test func headingsLinkToThemselves() {
        let html = renderer.render("## Tell \"them\" & co\n").html
        #expect(
            html.contains(
                "<a class=\"heading-anchor\" href=\"#tell-them--co\" "
                    + "aria-label=\"Link to the section \u{201C}Tell &quot;them&quot; &amp; co\u{201D}\">#</a></h2>"))
    }

    @Test func taskMarkersStayOutOfThePlainText() {
        let result = renderer.render("## Steps\n\n- [ ] Call the customer\n- [x] Send the [summary](s.md)\n- [ ]\n")
        #expect(!result.plainText.contains("[ ]"), "\(result.plainText)")
        #expect(!result.plainText.contains("[x]"), "\(result.plainText)")
        #expect(result.sectionTexts.last?.hasPrefix("Call the customer\n\nSend the summary\n") == true, "\(result.sectionTexts)")
    }
}

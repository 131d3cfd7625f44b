@testable import PlaybookMarkdown
import Testing

/// A link whose destination has a space is text in CommonMark: the writer hears of it at the
/// `[`, with the form that works.
@Suite struct UnparsedLinkTests {
    let renderer = MarkdownRenderer()

    @Test func aDestinationWithASpaceIsReportedAtItsBracket() {
        let result = renderer.render("Intro.\n\nSee [branch policies](../tools.md#Configuring Branch Policies) first.\n")
        #expect(result.links.isEmpty)
        #expect(
            result.unparsedLinks == [
                UnparsedLink(
                    text: "[branch policies](../tools.md#Configuring Branch Policies)",
                    fixed: "[branch policies](<../tools.md#Configuring Branch Policies>)", line: 3, column: 5)
            ])
        #expect(result.unparsedLinks[0].hint.contains("%20"))
    }

    @Test func theFixedFormIsALink() {
        let result = renderer.render("See [policies](<../tools.md#Configuring Branch Policies>).\n")
        #expect(result.unparsedLinks.isEmpty)
        #expect(result.links.map(\.destination) == ["../tools.md#Configuring Branch Policies"])
    }

    @Test func linksWithTitlesCodeAndPlainBracketsAreLeftAlone() {
        let text = """
            A [titled](a.md "The title") link, `[code](a b)` in code, [brackets] (with a space) and
            [x] (y z).

                [indented](code block)

            """
        #expect(renderer.render(text).unparsedLinks.isEmpty)
    }

    /// A label with emphasis is split across nodes the scan does not join: that one is missed,
    /// the plain one after it and the one in the heading are found.
    @Test func listItemsHeadingsAndASecondLinkOnTheLine() {
        let result = renderer.render("- [*Read* this](a b.md) and [that](c d.md)\n\n# [Head](x y)\n")
        #expect(result.unparsedLinks.map(\.text) == ["[that](c d.md)", "[Head](x y)"])
        #expect(result.unparsedLinks.map(\.line) == [1, 3])
        #expect(result.unparsedLinks.map(\.column) == [29, 3])
        let second = renderer.render("[that](c d.md) and [this](e f.md)\n")
        #expect(second.unparsedLinks.map(\.column) == [1, 20])
        #expect(second.unparsedLinks.map(\.text) == ["[that](c d.md)", "[this](e f.md)"])
    }

    @Test func theQuickCheckFindsCandidatesOnly() {
        #expect(UnparsedLinkScan.mayHave(Array("[a](b c)".utf8)))
        #expect(!UnparsedLinkScan.mayHave(Array("[a](b) c".utf8)))
        #expect(!UnparsedLinkScan.mayHave(Array("[a](b\nc d)".utf8)))
    }
}

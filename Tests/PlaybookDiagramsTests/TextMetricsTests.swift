@testable import PlaybookDiagrams
import Testing

@Suite struct TextMetricsTests {
    @Test func widthsAddUpPerCharacterAtTheFontSize() {
        // 'A' is 684 thousandths of an em in the regular table, 774 in bold.
        #expect(TextMetrics.width("A", font: Font(size: 10)) == 6.84)
        #expect(TextMetrics.width("AA", font: Font(size: 20, bold: true)) == 30.96)
        #expect(TextMetrics.width("", font: Style.label) == 0)
    }

    @Test func charactersOutsideASCIIAreGivenGenerousWidths() {
        let font = Font(size: 10)
        #expect(TextMetrics.width("é", font: font) > TextMetrics.width("e", font: font))
        #expect(TextMetrics.width("中", font: font) == 11)
        #expect(TextMetrics.width("e\u{301}", font: font) == TextMetrics.width("e", font: font))
    }

    @Test func wrapsGreedilyByWords() {
        let font = Font(size: 10)
        let lines = TextMetrics.wrap("Handle conflict constructively", width: 80, font: font)
        #expect(lines == ["Handle conflict", "constructively"])
        for line in lines { #expect(TextMetrics.width(line, font: font) <= 80) }
    }

    @Test func aLabelThatFitsStaysOnOneLine() {
        #expect(TextMetrics.wrap("Plan", width: 200, font: Style.label) == ["Plan"])
    }

    @Test func aWordTooWideBreaksAfterAHyphenFirst() {
        let font = Font(size: 10)
        let lines = TextMetrics.wrap("Kick-off-meeting", width: 45, font: font)
        #expect(lines == ["Kick-off-", "meeting"])
    }

    @Test func aWordTooWideForAnyLineIsCutBetweenCharacters() {
        let font = Font(size: 10)
        let lines = TextMetrics.wrap("Antidisestablishmentarianism", width: 60, font: font)
        #expect(lines.count > 1)
        #expect(lines.joined() == "Antidisestablishmentarianism")
        for line in lines { #expect(TextMetrics.width(line, font: font) <= 60) }
    }

    @Test func whiteSpaceAndControlCharactersCollapse() {
        #expect(TextMetrics.normalize("  a\n\tb \u{7}  c ") == "a b c")
        #expect(TextMetrics.wrap("   ", width: 50, font: Style.label) == [""])
    }

    @Test func longestWordIgnoresWhatCanBreak() {
        let font = Font(size: 10)
        #expect(TextMetrics.longestWord("Go-live no", font: font) == TextMetrics.width("live", font: font))
    }

    @Test func numbersHaveOneStableForm() {
        #expect(SVGWriter.number(12) == "12")
        #expect(SVGWriter.number(12.04) == "12")
        #expect(SVGWriter.number(12.05) == "12.1")
        #expect(SVGWriter.number(-0.04) == "0")
        #expect(SVGWriter.number(-3.25) == "-3.3")
        #expect(SVGWriter.number(1_000_000.5) == "1000000.5")
        #expect(SVGWriter.number(.nan) == "0")
        #expect(SVGWriter.number(.infinity) == "0")
    }

    @Test func escapingCoversTextAndAttributes() {
        #expect(SVGWriter.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(SVGWriter.escape("a\u{0}b") == "a b")
    }
}

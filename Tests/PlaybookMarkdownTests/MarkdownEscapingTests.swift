import PlaybookDiagnostics
import Testing

/// The one Markdown escaper (the llms files, the lint summary) and the ASCII replacement the
/// writers of URLs, GitHub commands and Markdown tables share.
@Suite struct MarkdownEscapingTests {
    @Test func punctuationIsEscapedAndLineBreaksBecomeOneSpace() {
        #expect(escapeMarkdown("a*b_[c]|#!") == ##"a\*b\_\[c\]\|\#\!"##)
        #expect(escapeMarkdown("one\r\ntwo\nthree\rfour") == "one two three four")
    }

    /// CommonMark reads code points: a `*` followed by a combining mark still opens emphasis,
    /// though as a Character it is not `*`.
    @Test func punctuationBeforeACombiningMarkIsEscaped() {
        #expect(escapeMarkdown("*\u{301}x") == "\\*\u{301}x")
    }

    /// `\r\n` is one Character: a Character-by-Character replacement of `\r` missed it, and a
    /// GitHub annotation whose message held one was cut there.
    @Test func replacingAllReplacesTheByteInsideACRLF() {
        #expect("a\r\nb".replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A") == "a%0D%0Ab")
        #expect("x|\u{301}y".replacingAll("|", with: "\\|") == "x\\|\u{301}y")
        #expect("plain".replacingAll("<", with: "%3C") == "plain")
    }
}

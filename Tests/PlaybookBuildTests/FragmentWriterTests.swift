import PlaybookModel
import Testing

@testable import PlaybookBuild

/// A search fragment's strings are quoted exactly as every other JSON of the tool.
@Suite struct FragmentWriterTests {
    static let texts = [
        "plain", "", "quote \" and \\ back", "line\nbreak\ttab\rcr", "<script>&amp;</script>", "\u{1}\u{1F}",
        "separators \u{2028} \u{2029} and … and é", "emoji 👩🏽‍💻 and 客户",
    ]

    @Test(arguments: texts) func stringsAreQuotedAsJSONStringQuotesThem(text: String) {
        var writer = FragmentWriter(capacity: 0)
        writer.string(text)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == JSONString.quote(text, escapingMarkup: true))
    }

    @Test func markupIsEscapedOnlyWhenAsked() {
        #expect(JSONString.quote("<a>&\u{2028}") == "\"<a>&\\u2028\"")
        #expect(JSONString.quote("<a>&", escapingMarkup: true) == "\"\\u003ca\\u003e\\u0026\"")
        var writer = FragmentWriter(capacity: 0)
        writer.string("<a>\"")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"\\u003ca\\u003e\\\"\"")
    }

    @Test func aLongTextIsCutAtItsLastSpaceWithAnEllipsis() {
        var writer = FragmentWriter(capacity: 0)
        writer.start(of: "one  two\n\nthree <four> five", length: 13)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"one two three…\"")
        var short = FragmentWriter(capacity: 0)
        short.start(of: "  a <b>  \u{2028} c ", length: 100)
        #expect(String(decoding: short.bytes, as: UTF8.self) == "\"a \\u003cb\\u003e \\u2028 c\"")
    }
}

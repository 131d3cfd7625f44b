@testable import PlaybookMarkdown
import Testing

/// The tokenizer reads tags as a browser does; each test is one of the corners a regular
/// expression gets wrong.
@Suite struct HTMLTokenizerTests {
    /// The tokens of `html` as short strings: `<name a=v>`, `</name>`, `text:…`, `comment`, `raw:…`.
    static func describe(_ html: String, rawText: String? = nil) -> [String] {
        let bytes = Array(html.utf8)
        return HTMLTokenizer.tokenize(bytes, rawText: rawText).tokens.map { token in
            switch token {
            case .text(let range): return "text:" + String(decoding: bytes[range], as: UTF8.self)
            case .rawText(let range): return "raw:" + String(decoding: bytes[range], as: UTF8.self)
            case .comment: return "comment"
            case .endTag(let tag): return "</\(tag.name)>"
            case .startTag(let tag):
                let attributes = tag.attributes.map { " \($0.name)=\($0.value)" }.joined()
                return "<\(tag.name)\(attributes)\(tag.selfClosing ? "/" : "")>"
            }
        }
    }

    static func attributes(of html: String) -> [HTMLAttribute] {
        guard case .startTag(let tag) = HTMLTokenizer.tokenize(Array(html.utf8)).tokens.first else { return [] }
        return tag.attributes
    }

    @Test func tagsTextAndAttributesInEveryQuoting() {
        #expect(
            Self.describe("a <IMG Src=\"x.png\" ALT='a \"b\"' width=3 open>b</Kbd>")
                == ["text:a ", "<img src=x.png alt=a \"b\" width=3 open=>", "text:b", "</kbd>"])
        let attributes = Self.attributes(of: "<img src=\"x\" alt='y' title=z>")
        #expect(attributes.map(\.quoted) == [true, true, false])
        #expect(attributes.map(\.nameOffset) == [5, 13, 21])
        #expect(attributes.map { $0.valueRange.map { $0.lowerBound } } == [10, 18, 27])
    }

    @Test func slashesSeparateAttributesButNotInsideUnquotedValues() {
        #expect(Self.describe("<img/src=x/onerror=alert(1)>") == ["<img src=x/onerror=alert(1)>"])
        #expect(Self.describe("<br/>") == ["<br/>"])
        #expect(Self.describe("<img src=\"x\"/onerror=y>") == ["<img src=x onerror=y>"])
    }

    @Test func oddAttributeNamesAreReadAsBrowsersReadThem() {
        #expect(Self.describe("<img =x src`=y \"a=b>") == ["<img =x= src`=y \"a=b>"])
        #expect(Self.describe("<img src = x alt>") == ["<img src=x alt=>"])
        #expect(Self.describe("<img src=>") == ["<img src=>"])
    }

    @Test func laterDuplicateAttributesAreDropped() {
        #expect(Self.describe("<img src=a SRC=b>") == ["<img src=a>"])
    }

    @Test func characterReferencesInValuesAreDecoded() {
        let value = Self.attributes(of: "<a t=\"&amp;&lt;&gt;&quot;&apos;&nbsp;&#106;&#x6A;&#X6a;&#106avascript&colon;&Tab;&unknown;&amp\">")
            .first?.value
        #expect(value == "&<>\"'\u{A0}jjjjavascript:\t&unknown;&")
        // A legacy name without `;` before `=` or a letter stays as written, as in browsers.
        #expect(Self.attributes(of: "<a href=\"?a=1&amp=2&ampx\">").first?.value == "?a=1&amp=2&ampx")
        #expect(Self.attributes(of: "<a t=&#0;&#xD800;&#99999999;>").first?.value == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func commentsDoctypesAndBogusCommentsAreComments() {
        #expect(Self.describe("a<!-- <img src=x onerror=y> -->b") == ["text:a", "comment", "text:b"])
        #expect(Self.describe("<!-->x<!--->y") == ["comment", "text:x", "comment", "text:y"])
        #expect(Self.describe("<!-- a --!>x") == ["comment", "text:x"])
        #expect(Self.describe("<!DOCTYPE html><?php x ?><![CDATA[y]]></ z>w") == ["comment", "comment", "comment", "comment", "text:w"])
        #expect(Self.describe("<!-- never closed <script>") == ["comment"])
    }

    @Test func lessThanSignsThatOpenNothingAreText() {
        #expect(Self.describe("a < b <3 <") == ["text:a < b <3 <"])
        #expect(Self.describe("x</>y") == ["text:x", "text:y"])
        #expect(Self.describe("<<script>") == ["text:<", "<script>"])
        #expect(Self.describe("<scr<script>ipt>") == ["<scr<script>", "text:ipt>"])
    }

    @Test func aTagCutOffByTheEndIsDropped() {
        #expect(Self.describe("a<img src=\"x onerror=y>") == ["text:a"])
        #expect(Self.describe("a<img src=x") == ["text:a"])
    }

    @Test func rawTextRunsToItsOwnEndTag() {
        #expect(
            Self.describe("<script>a</b>\"</script x><img></SCRIPT >z")
                == ["<script>", "raw:a</b>\"", "</script>", "<img>", "</script>", "text:z"])
        #expect(Self.describe("<style></styles></style>") == ["<style>", "raw:</styles>", "</style>"])
        #expect(Self.describe("<noscript><p title=\"</noscript><img src=x>\">") == ["<noscript>", "raw:<p title=\"", "</noscript>", "<img src=x>", "text:\">"])
    }

    @Test func rawTextLeftOpenIsReportedAndContinued() {
        let first = HTMLTokenizer.tokenize(Array("<textarea>abc".utf8))
        #expect(first.openRawText == "textarea")
        #expect(Self.describe("def</textarea>g", rawText: "textarea") == ["raw:def", "</textarea>", "text:g"])
        #expect(HTMLTokenizer.tokenize(Array("x".utf8), rawText: "title").openRawText == "title")
    }

    @Test func textIsEscapedKeepingWellFormedReferences() {
        let text = "a < b > c & d &amp; &#60; &#x3c; &copy; &bogus &#; &#xZ;"
        #expect(
            CharacterReference.escapeText(Array(text.utf8)[...])
                == "a &lt; b &gt; c &amp; d &amp; &#60; &#x3c; &copy; &amp;bogus &amp;#; &amp;#xZ;")
    }
}

@testable import PlaybookMarkdown
import Testing

/// The usual XSS payloads, each written as an HTML block, inline in a paragraph and in a table
/// cell: rendered in safe mode, none may leave a script, an embedded document, a style sheet,
/// an event handler or a script URL in the HTML.
@Suite struct RawHTMLPayloadTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" ONERROR=\"alert(1)\">",
        "<img/src=x/onerror=alert(1)>",
        "<img src=x onerror\n=alert(1)>",
        "<img src=`x`onerror=alert(1)>",
        "<img src=\"jAvAsCrIpT:alert(1)\">",
        "<img src=\"jav&#x09;ascript:alert(1)\">",
        "<img src=\"&#106;&#97;vascript:alert(1)\">",
        "<img src=\"&#0000106avascript:alert(1)\">",
        "<img src=\" &#14; javascript:alert(1)\">",
        "<img src=\"javascript&colon;alert(1)\">",
        "<img src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
        "<img src=\"vbscript:msgbox(1)\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\">",
        "<style>@import 'javascript:alert(1)';</style>",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<body onload=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<details open ontoggle=alert(1)>",
        "<summary onclick=alert(1)>x</summary>",
        "<kbd onmouseover=alert(1)>x</kbd>",
        "<!--<img src=x onerror=alert(1)>-->",
        "<!--><img src=x onerror=alert(1)>-->",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<textarea></textarea><script>alert(1)</script>",
        "<title><img src=x onerror=alert(1)></title>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<input onfocus=alert(1) autofocus>",
        "<video><source onerror=\"alert(1)\">",
        "<img src=x:alert(alt) onerror=eval(src) alt=0>",
        "<img \"\"\"><script>alert(1)</script>\">",
        "<img src=x onerror=alert(1)//",
        "<br/onmouseover=alert(1)>",
        "<sup/style=x:expression(alert(1))>",
        "<img src=\"x\" style=\"background:url(javascript:alert(1))\">",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<? <img src=x onerror=alert(1)> ?>",
        "<xmp><img src=x onerror=alert(1)></xmp>",
    ]

    /// Everything live in `html`, read by the same tokenizer a browser's would be.
    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        let lower = html.lowercased()
        for needle in ["<script", "<iframe", "<style", "<svg", "<math", "<object", "<embed", "<base", "<meta", "<link", "<form"]
        where lower.contains(needle) {
            problems.append(needle)
        }
        let bytes = Array(html.utf8)
        for case .startTag(let tag) in HTMLTokenizer.tokenize(bytes).tokens {
            for attribute in tag.attributes {
                if attribute.name.hasPrefix("on") { problems.append("\(tag.name) \(attribute.name)") }
                if attribute.name == "style" || attribute.name == "srcdoc" { problems.append("\(tag.name) \(attribute.name)") }
                if let scheme = HTMLSanitizer.forbiddenScheme(of: attribute.value) {
                    problems.append("\(tag.name) \(attribute.name)=\(scheme):")
                }
            }
        }
        return problems
    }

    @Test func thereAreEnoughPayloads() {
        #expect(Self.payloads.count >= 25)
    }

    @Test(arguments: payloads) func aPayloadComesOutInert(_ payload: String) {
        let renderer = MarkdownRenderer()
        let flat = String(payload.map { $0 == "\n" ? " " : $0 })
        let texts = [payload + "\n", "Text " + payload + " more.\n\nNext.\n", "| a |\n| - |\n| x " + flat + " y |\n"]
        for text in texts {
            let html = renderer.render(text).html
            #expect(Self.problems(in: html).isEmpty, "\(text.debugDescription) → \(html.debugDescription)")
        }
    }

    @Test func theCheckFindsWhatItLooksFor() {
        #expect(Self.problems(in: "<p><img src=x onerror=y><a href=\" java&#x09;script:x\">x</a><kbd style=x></p>").count == 3)
        #expect(Self.problems(in: "<p>&lt;script&gt; onerror=x <img src=\"x/onerror=y\"></p>").isEmpty)
    }

    @Test func payloadsAreWarnedAbout() {
        let result = MarkdownRenderer().render(Self.payloads.joined(separator: "\n\n") + "\n")
        let tags = Set(result.droppedHTML.map(\.tag))
        #expect(tags.isSuperset(of: ["script", "svg", "a", "iframe", "style", "body", "math", "object", "embed", "form"]))
        let attributes = Set(result.droppedHTML.compactMap(\.attribute))
        #expect(attributes.isSuperset(of: ["onerror", "ontoggle", "onclick", "src", "style"]))
    }
}

import PlaybookHighlight
import Testing

/// Fenced code through GNU source-highlight: tokens in spans, text escaped once, unknown
/// languages left to the caller as plain code.
@Suite struct CodeHighlighterTests {
    let highlighter = CodeHighlighter()

    /// The text a browser shows: tags dropped, the four entities the highlighter writes decoded.
    static func visibleText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag {
                text.append(character)
            }
        }
        return text.replacingAll("&lt;", "<").replacingAll("&gt;", ">").replacingAll("&quot;", "\"")
            .replacingAll("&amp;", "&")
    }

    @Test(arguments: [
        ("bash", "if [ -f x ]; then\n  echo \"hi\" # greet\nfi\n", ["hl-keyword\">if", "hl-string\">&quot;hi&quot;", "hl-comment\"># greet"]),
        ("python", "def f(x):\n    return x + 1  # one\n", ["hl-keyword\">def", "hl-function\">f", "hl-number\">1"]),
        ("json", "{\"name\": \"a\", \"n\": 3, \"ok\": true}\n", ["hl-attr\">name", "hl-number\">3", "hl-keyword\">true"]),
        ("yaml", "name: web # the app\nreplicas: 3\nenabled: true\n", ["hl-attr\">name", "hl-comment\"># the app", "hl-number\">3"]),
        ("swift", "@MainActor func load() async throws -> [String] { let n = 42 }\n",
         ["hl-meta\">@MainActor", "hl-keyword\">func", "hl-function\">load", "hl-type\">String", "hl-number\">42"]),
    ])
    func knownLanguagesGetTokenSpans(language: String, code: String, expected: [String]) throws {
        let html = try #require(highlighter.highlight(code: code, language: language))
        for fragment in expected {
            #expect(html.contains("<span class=\"\(fragment)"), "\(language): no \(fragment) in \(html)")
        }
        #expect(Self.visibleText(html) == code)
    }

    @Test func aliasesAndCaseFindTheSameLanguage() {
        #expect(highlighter.highlight(code: "a: 1\n", language: "yml") == highlighter.highlight(code: "a: 1\n", language: "yaml"))
        #expect(highlighter.highlight(code: "x=1\n", language: "SH") == highlighter.highlight(code: "x=1\n", language: "sh"))
    }

    @Test(arguments: ["bash", "python", "json", "yaml", "swift", "c", "html"])
    func specialCharactersAreEscapedExactlyOnce(language: String) throws {
        let code = "if a < b && c > \"d\" { x = '&amp;' }\n"
        let html = try #require(highlighter.highlight(code: code, language: language))
        let escaped = code.replacingAll("&", "&amp;").replacingAll("<", "&lt;").replacingAll(">", "&gt;")
            .replacingAll("\"", "&quot;")
        let textBetweenTags = html.split(separator: "<", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? $0.element : $0.element.drop(while: { $0 != ">" }).dropFirst() }.joined()
        #expect(textBetweenTags == escaped)
        #expect(Self.visibleText(html) == code)
    }

    @Test(arguments: ["mermaidx", "text", "txt", "", "no such language", "../../etc/passwd"])
    func unknownLanguagesStayPlain(language: String) {
        #expect(highlighter.highlight(code: "graph TD; a --> b\n", language: language) == nil)
        #expect(highlighter.block(code: "graph TD; a --> b\n", info: language) == nil)
    }

    @Test func blockKeepsTheLanguageClassAndEscapesIt() throws {
        let html = try #require(highlighter.block(code: "echo hi\n", info: "bash {.wide}"))
        #expect(html.hasPrefix("<pre class=\"highlight\"><code class=\"language-bash\">"))
        #expect(html.hasSuffix("</code></pre>\n"))
    }

    @Test func aBlockOfFiveThousandLinesRenders() throws {
        let code = (1...5000).map { "let value\($0) = compute(\($0)) // step \($0) < end" }.joined(separator: "\n") + "\n"
        let html = try #require(highlighter.highlight(code: code, language: "swift"))
        #expect(html.split(separator: "\n", omittingEmptySubsequences: false).count == 5001)
        #expect(Self.visibleText(html) == code)
    }

    @Test func outputIsDeterministicAcrossThreads() async {
        let code = "for i in range(3):\n    print(f\"{i} < 3\")  # loop\n"
        let first = highlighter.highlight(code: code, language: "python")
        #expect(first != nil)
        let results = await withTaskGroup(of: String?.self) { group in
            for index in 0..<64 {
                group.addTask { highlighter.highlight(code: code, language: index.isMultiple(of: 2) ? "python" : "py") }
            }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == first })
    }

    @Test func multiByteTextSurvives() throws {
        let code = "echo \"héllo wörld — ✓\" $é # 日本語\n"
        if let html = highlighter.highlight(code: code, language: "bash") {
            #expect(Self.visibleText(html) == code)
        }
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookTesting
import Testing

/// The site in `Tests/Fixtures/hostile-site` puts `<script>`, `"><img onerror=…>` and
/// `javascript:` payloads in every field a writer controls: site title and description, page
/// titles, descriptions, tags, headings, task items, links, code, plan fields and diagram labels.
/// Built with the shipped templates, no page may hold a script, an event-handler attribute or a
/// `javascript:` URL that the templates did not put there. (`Tests/Browser/test_escaping.py`
/// loads the same site in a browser and checks that nothing runs.)
@Suite struct HostileEscapingTests {
    static let repository = LintBuildTests.repository

    /// The fixture's files with the shipped templates (and their assets).
    static func hostileSite() throws -> FixtureSite {
        var files: [String: String] = [:]
        for (folder, prefix) in [("Tests/Fixtures/hostile-site", ""), ("templates", "templates/")] {
            let root = repository.appendingPathComponent(folder)
            let paths = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
            for path in paths {
                var isDirectory: ObjCBool = false
                let full = root.appendingPathComponent(path).path
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                files[prefix + path] = try String(contentsOfFile: full, encoding: .utf8)
            }
        }
        return try FixtureSite(files, withTemplates: false)
    }

    /// One start tag: its lowercased name and attributes (values with entities decoded).
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    /// The start tags of an HTML document, read as a browser's tokenizer would: comments are
    /// skipped, quoted attribute values may hold `>`, and the text of `<script>` and `<style>`
    /// is skipped to the closing tag.
    static func tags(in html: String) -> [Tag] {
        let chars = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var index = 0
        func startsWith(_ text: String, at position: Int) -> Bool {
            let scalars = Array(text.unicodeScalars)
            guard position + scalars.count <= chars.count else { return false }
            for (offset, scalar) in scalars.enumerated()
            where String(chars[position + offset]).lowercased() != String(scalar) { return false }
            return true
        }
        while index < chars.count {
            guard chars[index] == "<" else { index += 1; continue }
            if startsWith("<!--", at: index) {
                index += 4
                while index < chars.count, !startsWith("-->", at: index) { index += 1 }
                index += 3
                continue
            }
            var cursor = index + 1
            guard cursor < chars.count, chars[cursor].properties.isAlphabetic else { index += 1; continue }
            var name = ""
            while cursor < chars.count, !" \t\n\r/>".unicodeScalars.contains(chars[cursor]) {
                name.unicodeScalars.append(chars[cursor]); cursor += 1
            }
            var attributes: [(name: String, value: String)] = []
            while cursor < chars.count, chars[cursor] != ">" {
                if " \t\n\r/".unicodeScalars.contains(chars[cursor]) { cursor += 1; continue }
                var attribute = ""
                while cursor < chars.count, !" \t\n\r/>=".unicodeScalars.contains(chars[cursor]) {
                    attribute.unicodeScalars.append(chars[cursor]); cursor += 1
                }
                var value = ""
                if cursor < chars.count, chars[cursor] == "=" {
                    cursor += 1
                    if cursor < chars.count, chars[cursor] == "\"" || chars[cursor] == "'" {
                        let quote = chars[cursor]
                        cursor += 1
                        while cursor < chars.count, chars[cursor] != quote { value.unicodeScalars.append(chars[cursor]); cursor += 1 }
                        cursor += 1
                    } else {
                        while cursor < chars.count, !" \t\n\r>".unicodeScalars.contains(chars[cursor]) {
                            value.unicodeScalars.append(chars[cursor]); cursor += 1
                        }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), decode(value))) }
            }
            let tag = Tag(name: name.lowercased(), attributes: attributes)
            tags.append(tag)
            index = cursor + 1
            if tag.name == "script" || tag.name == "style" {
                while index < chars.count, !startsWith("</" + tag.name, at: index) { index += 1 }
            }
        }
        return tags
    }

    /// Decodes the entities an attribute value may use to hide a scheme.
    static func decode(_ value: String) -> String {
        var text = value
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&#58;", ":"), ("&colon;", ":"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character, options: .caseInsensitive)
        }
        return text
    }

    /// Everything wrong with one document: scripts not from the assets, event handlers,
    /// `javascript:` URLs, embedded documents.
    static func problems(in html: String, file: String) -> [String] {
        var problems: [String] = []
        for tag in tags(in: html) {
            if ["iframe", "object", "embed", "frame", "base", "form"].contains(tag.name) {
                problems.append("\(file): <\(tag.name)>")
            }
            if tag.name == "script" {
                let source = tag.attributes.first { $0.name == "src" }?.value ?? ""
                if !(source.hasPrefix("/assets/") && source.hasSuffix(".js")) {
                    problems.append("\(file): a script that is not one of the site's assets: \(tag.attributes)")
                }
            }
            if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }) {
                problems.append("\(file): a meta refresh")
            }
            for attribute in tag.attributes {
                if attribute.name.hasPrefix("on") {
                    problems.append("\(file): <\(tag.name) \(attribute.name)=…>")
                }
                let url = attribute.value.unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined().lowercased()
                if ["href", "src", "xlink:href", "action", "formaction", "data", "poster"].contains(attribute.name),
                    url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") || url.hasPrefix("data:text/html")
                {
                    problems.append("\(file): <\(tag.name) \(attribute.name)=\"\(attribute.value)\">")
                }
            }
        }
        return problems
    }

    @Test func theCheckerFindsWhatItLooksFor() {
        let bad = """
            <p title="a > b">x</p><!-- <script>ignored</script> --><script>alert(1)</script>\
            <img src=x onerror=alert(1)><a href=" JavaScript&#58;alert(1)">x</a><svg><a xlink:href='javascript:x'/></svg>
            """
        let found = Self.problems(in: bad, file: "t")
        #expect(found.count == 4, "\(found)")
        let good = #"<script src="/assets/playbook.js" defer></script><p title="&quot;&gt;&lt;img onerror=x&gt;">&lt;script&gt;</p>"#
        #expect(Self.problems(in: good, file: "t").isEmpty)
    }

    @Test func payloadsComeOutInertInEveryPage() throws {
        let site = try Self.hostileSite()
        let result = try site.build(write: false)
        #expect(result.succeeded, "\(result.diagnostics)")
        // The raw HTML payloads are dropped with a warning, which does not fail the build.
        #expect(result.diagnostics.contains { $0.code == "markdown/raw-html" && $0.severity == .warning })
        var checked = 0
        var problems: [String] = []
        for file in result.files where file.path.hasSuffix(".html") || file.path.hasSuffix(".svg") {
            guard case .text(let html) = file.contents else { continue }
            problems += Self.problems(in: html, file: file.path)
            checked += 1
        }
        #expect(checked > 5)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func payloadsAreShownAsText() throws {
        let site = try Self.hostileSite()
        let result = try site.build(write: false)
        let escapedScript = "&lt;script&gt;window.__pwned=1&lt;/script&gt;"
        let page = try #require(FixtureSite.text(result, "page/index.html"))
        #expect(page.contains("<title>Page " + escapedScript))
        #expect(page.contains("<h2 id="))
        #expect(page.contains("Cycle " + escapedScript))
        #expect(page.contains("<svg"))
        #expect(page.contains("onerror=&quot;window.__pwned=2;alert(2)&quot;"))
        let plan = try #require(FixtureSite.text(result, "plans/hostile/index.html"))
        #expect(plan.contains("Watch pwned " + escapedScript))
        #expect(plan.contains("Call " + escapedScript))
        #expect(plan.contains("Cust " + escapedScript))
        let home = try #require(FixtureSite.text(result, "index.html"))
        #expect(home.contains("Hostile " + escapedScript))
    }

    @Test func searchIndexHoldsTextAndSafeURLs() throws {
        let site = try Self.hostileSite()
        let result = try site.build(write: false)
        let index = try #require(SearchIndexReader(result: result))
        #expect(index.files.values.contains { $0.contains("window.__pwned") })
        for (path, text) in index.files {
            // No `<` at all, so the files stay inert even if something inlines them into a page.
            #expect(!text.contains("<"), "\(path)")
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(path) is JSON")
        }
        #expect(index.pageCount > 3)
        for number in 0..<index.pageCount {
            let url = try #require(index.fragment(number)).url
            #expect(url.hasPrefix("/") && !url.lowercased().contains("javascript:"), "a page URL that is not a site path: \(url)")
        }
    }
}

@Suite struct TemplateEscapingTests {
    @Test func everyMarkupByteOfAValueIsEscapedEvenBeforeACombiningMark() throws {
        // "<" + U+0301 is one Character: a Character-by-Character escaper lets it through.
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("\"<\u{301}img src=x onerror='alert(1)'> & more\""),
        ])
        let result = try site.build(write: false)
        let html = try #require(FixtureSite.text(result, "a/index.html"))
        #expect(html.contains("<h1>&lt;\u{301}img src=x onerror=&#39;alert(1)&#39;&gt; &amp; more</h1>"))
        #expect(!html.contains("<\u{301}img"))
    }
}

extension TemplateEscapingTests {
    @Test func siteValuesWrittenIntoTheTemplatesStayText() throws {
        // The site's title is written into the templates once per build; a title that looks
        // like a tag must still come out as text.
        for title in ["{{page.title}} & <b>co</b>", "Acme \"Handbook\""] {
            let site = try FixtureSite([
                "playbook.yml": "title: '\(title.replacingOccurrences(of: "'", with: "''"))'\n",
                "content/_index.md": page("Home"),
                "content/a.md": page("A"),
                "templates/page.mustache": "{{<base}}{{$main}}<p>{{site.title}}|{{{site.title}}}|{{assets}}</p>{{/main}}{{/base}}",
            ])
            let result = try site.build(write: false)
            let html = try #require(FixtureSite.text(result, "a/index.html"))
            let escaped = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            #expect(html.contains("<p>\(escaped)|\(title)|/assets/</p>"), "\(html)")
        }
    }
}

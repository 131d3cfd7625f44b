import Foundation
import PlaybookBuild
import PlaybookTesting
import Testing

@Suite struct SearchIndexTests {
    struct Index: Decodable {
        var version: Int
        var pages: [[String]]
        var docs: [Doc]
        var terms: [String: String]
    }

    struct Doc: Decodable {
        var page: Int
        var anchor: String
        var heading: String
        var snippet: String

        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            page = try container.decode(Int.self)
            anchor = try container.decode(String.self)
            heading = try container.decode(String.self)
            snippet = try container.decode(String.self)
        }
    }

    func index(_ files: [String: String], baseURL: String? = nil) throws -> Index {
        let site = try FixtureSite(files)
        let result = try site.build(baseURL: baseURL, write: false)
        let json = try #require(FixtureSite.text(result, "search-index.json"))
        return try JSONDecoder().decode(Index.self, from: Data(json.utf8))
    }

    /// Document ids of a term, decoded from the delta-encoded base-36 list.
    func documents(_ index: Index, _ term: String) -> [Int] {
        var last = 0
        return (index.terms[term] ?? "").split(separator: ".").compactMap { Int($0, radix: 36) }.map {
            last += $0
            return last
        }
    }

    @Test func eachHeadingIsADocumentWithItsAnchor() throws {
        let index = try index([
            "content/_index.md": page("Home", "Welcome.\n"),
            "content/stories/baku.md": page("The trip to Baku", "Intro.\n\n## Will you travel to Baku?\n\nThe pitch went well.\n"),
        ], baseURL: "/handbook/")
        #expect(index.version == 2)
        #expect(index.pages.last == ["/handbook/stories/baku/", "The trip to Baku"])
        let baku = documents(index, "baku")
        #expect(baku.count == 2)
        let hit = index.docs[baku[1]]
        #expect(hit.anchor == "will-you-travel-to-baku")
        #expect(hit.heading == "Will you travel to Baku?")
        #expect(hit.snippet == "The pitch went well.")
        #expect(documents(index, "pitch") == [baku[1]])
        #expect(index.terms["the"] == nil, "stop words are left out")
    }

    @Test func checklistSnippetsShowTheItemsNotTheirMarkers() throws {
        let index = try index([
            "content/_index.md": page("Home", "## Before\n\n- [ ] Call the customer\n- [x] Send the [summary](#before)\n")
        ])
        let snippets = index.docs.map(\.snippet).joined(separator: " | ")
        #expect(snippets.contains("Call the customer"), "\(snippets)")
        #expect(!snippets.contains("["), "\(snippets)")
    }

    @Test func wordsAreLowerCasedInEveryScript() throws {
        let index = try index(["content/_index.md": page("Home", "Überblick: CAFÉ, Straße and x2 a 42 İstanbul.\n")])
        for word in ["überblick", "café", "straße", "x2", "42"] {
            #expect(index.terms[word] != nil, "\(word) is indexed")
        }
        #expect(index.terms["a"] == nil, "one-letter words are left out")
        #expect(index.terms["and"] == nil, "stop words are left out")
    }

    @Test func postingsAreDeltaEncodedInBase36() throws {
        var files = ["content/_index.md": page("Home")]
        for number in 1...40 { files["content/p\(number).md"] = page("P\(number)", number == 40 ? "zebra\n" : "text\n") }
        let index = try index(files)
        #expect(documents(index, "zebra").count == 1)
        #expect(documents(index, "text").count == 39)
        #expect(index.terms["text"]?.contains(".") == true)
        #expect(documents(index, "text") == documents(index, "text").sorted())
    }

    @Test func markupAndScriptsStayInert() throws {
        let index = try index([
            "content/_index.md": page("Home <script>alert(1)</script>", "## \"><img onerror=alert(1)>\n\nText.\n"),
        ])
        let json = try JSONEncoder().encode(index.pages)
        #expect(String(decoding: json, as: UTF8.self).contains("<script>"), "titles are stored as text; the script escapes them")
        #expect(index.docs.count == 2)
    }

    @Test func longTextIsCutAtAWordBoundary() throws {
        let words = Array(repeating: "engagement", count: 40).joined(separator: " ")
        let index = try index(["content/_index.md": page("Home", words + "\n")])
        let snippet = try #require(index.docs.first?.snippet)
        #expect(snippet.count <= 122)
        #expect(snippet.hasSuffix("engagement…"))
    }

    /// The "…" of a cut snippet is added after quoting, and terms are written without `quote`
    /// when plain: both must still escape what needs it.
    @Test func cutSnippetsAndTermsAreEscaped() throws {
        let words = Array(repeating: "a \"quoted\" 5 < 6 & engagement", count: 12).joined(separator: " ")
        let site = try FixtureSite(["content/_index.md": page("Home", words + " Überblick\n")])
        let json = try #require(FixtureSite.text(try site.build(write: false), "search-index.json"))
        #expect(json.contains(#"\"quoted\" 5 \u003c 6 \u0026 engagement"#))
        #expect(json.contains("…\"]"))
        #expect(json.contains(#""überblick":"#))
        let index = try JSONDecoder().decode(Index.self, from: Data(json.utf8))
        #expect(index.docs.first?.snippet.hasSuffix("…") == true)
        #expect(index.terms["engagement"] != nil)
    }
}

import Foundation
import PlaybookStemmer
import PlaybookBuild
import PlaybookTesting
import Testing

/// The search index a build writes: a manifest, shards of words, a fragment per page.
@Suite struct SearchIndexTests {
    func index(_ files: [String: String], baseURL: String? = nil) throws -> SearchIndexReader {
        let site = try FixtureSite(files)
        return try #require(SearchIndexReader(result: try site.build(baseURL: baseURL, write: false)))
    }

    @Test func eachPageHasAFragmentWithItsSectionsAndAnchors() throws {
        let index = try index([
            "content/_index.md": page("Home", "Welcome.\n"),
            "content/stories/baku.md": page("The trip to Baku", "Intro.\n\n## Will you travel to Baku?\n\nThe pitch went well.\n"),
        ], baseURL: "/handbook/")
        #expect(index.manifest["version"] as? Int == 3)
        #expect(index.pageCount == 3, "home, the stories section, the trip")
        let baku = index.pages(of: "baku")
        #expect(baku == [2])
        #expect(index.pages(of: "baku", set: 1) == [2], "in the title")
        #expect(index.pages(of: "baku", set: 2) == [2], "in a heading")
        let fragment = try #require(index.fragment(2))
        #expect(fragment.url == "/handbook/stories/baku/")
        #expect(fragment.title == "The trip to Baku")
        #expect(fragment.sections == [["", "", "Intro."], ["will-you-travel-to-baku", "Will you travel to Baku?", "The pitch went well."]])
        #expect(index.pages(of: "pitch") == [2])
        #expect(index.pages(of: "the").isEmpty, "stop words are left out")
    }

    @Test func wordsAreStemmedSoEveryFormFindsThePage() throws {
        let index = try index([
            "content/_index.md": page("Home", "Our mentors meet weekly.\n"),
            "content/a.md": page("A", "Ask a mentor. Mentoring helps.\n"),
        ])
        #expect(index.variants(of: "mentors") == ["mentor", "mentoring", "mentors"])
        #expect(index.pages(of: "mentor") == [0, 1])
        #expect(index.pages(of: "checklists").isEmpty)
    }

    @Test func accentsAreFoldedAndEveryScriptIsLowerCased() throws {
        let index = try index(["content/_index.md": page("Home", "Überblick: CAFÉ, Straße and x2 a 42 İstanbul.\n")])
        for word in ["uberblick", "cafe", "straße", "x2", "42"] {
            #expect(index.pages(of: word) == [0], "\(word) is indexed")
        }
        #expect(index.pages(of: "a").isEmpty, "one-letter words are left out")
    }

    @Test func chineseAndJapaneseAreIndexedByPairsOfCharacters() throws {
        let index = try index([
            "content/_index.md": page("Home", "客户体验手册。\n"),
            "content/ja.md": page("JA", "お客様の声を聞きます。 音 x\n"),
        ])
        #expect(index.pages(of: "体验") == [0], "a pair in the middle of a run")
        #expect(index.pages(of: "客户") == [0])
        #expect(index.pages(of: "客様") == [1])
        #expect(index.pages(of: "の声") == [1])
        #expect(index.pages(of: "音") == [1], "a character alone is a word")
    }

    @Test func checklistTextShowsTheItemsNotTheirMarkers() throws {
        let index = try index([
            "content/_index.md": page("Home", "## Before\n\n- [ ] Call the customer\n- [x] Send the [summary](#before)\n")
        ])
        let sections = try #require(index.fragment(0)).sections
        let text = sections.map { $0[2] }.joined(separator: " | ")
        #expect(text.contains("Call the customer"), "\(text)")
        #expect(!text.contains("["), "\(text)")
    }

    @Test func pageSetsAreGapListsOrBitmapsWhicheverIsShorter() throws {
        var files = ["content/_index.md": page("Home")]
        for number in 1...80 { files["content/p\(number).md"] = page("P\(number)", number == 40 ? "zebra\n" : "text\n") }
        let site = try FixtureSite(files)
        let index = try #require(SearchIndexReader(result: try site.build(write: false)))
        #expect(index.pages(of: "zebra").count == 1)
        #expect(index.pages(of: "text").count == 79)
        let shard = try #require(index.shard(for: "text"))
        let stems = try #require(shard["s"] as? [[String]])
        let words = try #require(shard["w"] as? [String: Int])
        #expect(stems[try #require(words["text"])][0].hasPrefix("~"), "79 of 81 pages: a bitmap")
        #expect(!stems[try #require(words["zebra"])][0].hasPrefix("~"), "one page: a list")
    }

    @Test func markupStaysInertInFragments() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home <script>alert(1)</script>", "## \"><img onerror=alert(1)>\n\nText.\n")
        ])
        let result = try site.build(write: false)
        let index = try #require(SearchIndexReader(result: result))
        for (path, text) in index.files {
            #expect(!text.contains("<script>") && !text.contains("<img"), "\(path) escapes markup")
        }
        #expect(try #require(index.fragment(0)).title == "Home <script>alert(1)</script>", "stored as text")
    }

    @Test func longTextIsCutAtAWordBoundary() throws {
        let words = Array(repeating: "engagement", count: 40).joined(separator: " ")
        let index = try index(["content/_index.md": page("Home", words + "\n")])
        let text = try #require(index.fragment(0)?.sections.first?[2])
        #expect(text.count <= 112)
        #expect(text.hasSuffix("engagement…"))
    }

    @Test func aLargeSiteIsSplitIntoShardsByTheStartOfItsWords() throws {
        var files = ["content/_index.md": page("Home")]
        for number in 1...60 {
            let words = (0..<80).map { "w\(number)x\($0)" + String(repeating: "q", count: $0 % 7) }.joined(separator: " ")
            files["content/p\(number).md"] = page("P\(number)", words + "\n")
        }
        let result = try FixtureSite(files).build(write: false)
        let index = try #require(SearchIndexReader(result: result))
        #expect(index.shardNames.count > 3)
        for (path, text) in index.files where path.hasPrefix("search/t/") {
            #expect(text.utf8.count < 40_000, "\(path) is \(text.utf8.count) bytes")
        }
        for (word, url) in [("w17x3qqq", "/p17/"), ("w60x79qq", "/p60/"), ("w1x0", "/p1/")] {
            let found = index.pages(of: word)
            #expect(found.count == 1 && index.fragment(found[0])?.url == url, "\(word)")
        }
    }

    @Test func theSameSiteGivesTheSameIndexAndAnEditChangesOnlyTheShardsOfItsWords() throws {
        var files = ["content/_index.md": page("Home")]
        for number in 1...40 {
            let words = (0..<150).map { "a\(number % 9)b\($0)" }.joined(separator: " ")
            files["content/p\(number).md"] = page("P\(number)", words + " zulu\(number)\n")
        }
        let site = try FixtureSite(files)
        let first = try #require(SearchIndexReader(result: try site.build(write: false))).files
        #expect(try #require(SearchIndexReader(result: try site.build(write: false))).files == first)
        try site.write("content/p5.md", page("P5", (0..<150).map { "a5b\($0)" }.joined(separator: " ") + " zulu5 yankee\n"))
        let second = try #require(SearchIndexReader(result: try site.build(write: false))).files
        let changed = Set(second.keys).symmetricDifference(first.keys).union(
            second.keys.filter { first[$0] != nil && first[$0] != second[$0] })
        let shards = changed.filter { $0.hasPrefix("search/t/") }
        #expect(changed.contains("search/index.json"))
        #expect(index(of: "/p5/", in: second) != nil)
        #expect(changed.count == 1 + 2, "the manifest and a shard, under its old and new name; the page's fragment shows only the start of its text: \(changed.sorted())")
        #expect(shards.count == 2, "the old and new shard of \"yankee\": \(shards.sorted())")
        #expect(first.keys.filter { $0.hasPrefix("search/t/") }.count > 2)
    }

    func index(of url: String, in files: [String: String]) -> Int? {
        let reader = SearchIndexReader(files: files)
        return (0..<(reader?.pageCount ?? 0)).first { reader?.fragment($0)?.url == url }
    }

    /// An edit of a page's body replaces only the index files whose text changed: the manifest
    /// and the shard of "yankee" (a new name, so the old file goes), not the other shards or
    /// any page's fragment.
    @Test func aRebuildWritesOnlyTheIndexFilesThatChanged() throws {
        var files = ["content/_index.md": page("Home")]
        for number in 1...40 {
            let words = (0..<150).map { "a\(number % 9)b\($0)" }.joined(separator: " ")
            files["content/p\(number).md"] = page("P\(number)", words + "\n")
        }
        let site = try FixtureSite(files)
        var options = BuildOptions(source: site.root, output: site.output)
        options.cacheFolder = site.root + "/.playbook-cache"
        options.stemming = SnowballStemming()
        _ = try SiteBuilder(options: options).build()
        let before = FixtureSite.snapshot(of: site.output)
        try site.write("content/p5.md", page("P5", (0..<150).map { "a5b\($0)" }.joined(separator: " ") + " yankee\n"))
        let second = try SiteBuilder(options: options).build()
        let after = FixtureSite.snapshot(of: site.output)
        let written = after.keys.filter { $0.hasPrefix("search/") && before[$0] != after[$0] }.sorted()
        let removed = before.keys.filter { $0.hasPrefix("search/") && after[$0] == nil }
        #expect(written.count == 2, "the manifest and the shard of \"yankee\": \(written)")
        #expect(written.contains("search/index.json"))
        #expect(removed.count == 1, "the shard's old file: \(removed)")
        #expect(second.changedFiles.map { Set(written + removed).isSubset(of: $0) } == true)
        let index = try #require(SearchIndexReader(result: second))
        #expect(index.pages(of: "yankee").count == 1)
    }
}

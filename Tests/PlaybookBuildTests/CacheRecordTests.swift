import PlaybookDiagnostics
import PlaybookMarkdown
import PlaybookModel
import PlaybookRender
import Testing

@testable import PlaybookBuild

/// Every value the build cache keeps comes back as it was written, and damaged bytes are
/// refused with an error, never a trap.
@Suite struct CacheRecordTests {
    static let location = SourceLocation(file: "content/a.md", line: 3, column: 7)

    /// A page with every field set to something other than its default.
    static let page: Page = {
        let yaml = YAMLNode.mapping(
            [
                (.scalar("type", .string, location), .scalar("plan", .string, location)),
                (.scalar("steps", .string, location), .sequence([.scalar("12", .int, location), .scalar("", .null, location)], location)),
            ], location)
        var page = Page(
            sourcePath: "guide/é a.md", displayPath: "content/guide/é a.md", url: "/guide/e-a/",
            outputPath: "guide/e-a/index.html", title: "Title — \"quoted\"", description: "One line.", weight: -3,
            isDraft: true, type: "plan", tags: ["x", ""], body: "# Body\n\n😀 text\n", bodyLineOffset: 5,
            frontMatter: yaml, isSectionIndex: true, sectionPath: "guide")
        page.titleFromHeading = true
        page.order = [
            OrderName(name: "b.md", location: location),
            OrderName(name: "sub", folderOnly: true, location: SourceLocation(file: "content/guide/é a.md", line: 4, column: 5)),
        ]
        return page
    }()

    static let rendered: RenderedPage = {
        var page = RenderedPage(
            index: 4, outputPath: "guide/e-a/index.html", html: "<p>not kept</p>",
            headings: [Heading(level: 2, text: "First", id: "first", line: 9)],
            links: [
                (MarkdownLink(destination: "https://x.example", isImage: false, line: 1, column: 2), .external),
                (MarkdownLink(destination: "#first", isImage: false, line: 2, column: 3), .samePage(anchor: "first")),
                (MarkdownLink(destination: "b.md#x", isImage: false, line: 3, column: 4), .page(7, anchor: "x")),
                (MarkdownLink(destination: "c.md", isImage: false, line: 3, column: 9), .page(8, anchor: nil)),
                (MarkdownLink(destination: "i.png", isImage: true, line: 4, column: 5), .file("guide/i.png")),
                (MarkdownLink(destination: "gone.md", isImage: false, line: 5, column: 6), .missing("gone.md", hint: "did you mean 'go.md'?")),
            ],
            tasks: [TaskItem(id: "task-1", text: "Call them", checked: true, line: 11)], plainText: "")
        page.sectionTexts = ["intro", "first text"]
        page.titleID = "title"
        page.diagnostics = [.warning("diagram/spec", at: location, "a problem", hint: "a hint")]
        return page
    }()

    @Test func aPageComesBackWithEveryField() throws {
        var writer = CacheWriter()
        writer.page(Self.page)
        var reader = CacheReader(writer.bytes)
        #expect(try reader.page() == Self.page)
        #expect(reader.isAtEnd)
    }

    @Test func onlyAPlanKeepsItsFrontMatterTree() throws {
        var ordinary = Self.page
        ordinary.type = nil
        var writer = CacheWriter()
        writer.page(ordinary)
        var reader = CacheReader(writer.bytes)
        var expected = ordinary
        expected.frontMatter = nil
        #expect(try reader.page() == expected)
    }

    @Test func renderedFactsComeBackWithoutTheHTMLOrTexts() throws {
        var writer = CacheWriter()
        writer.renderedFacts(Self.rendered)
        var reader = CacheReader(writer.bytes)
        let back = try reader.renderedFacts()
        #expect(back.html == "")
        #expect(back.index == 4)
        #expect(back.outputPath == Self.rendered.outputPath)
        #expect(back.headings == Self.rendered.headings)
        #expect(back.links.map(\.link) == Self.rendered.links.map(\.link))
        #expect(back.links.map(\.target) == Self.rendered.links.map(\.target))
        #expect(back.tasks == Self.rendered.tasks)
        #expect(back.sectionTexts.isEmpty, "the texts are kept as the search-index part")
        #expect(back.titleID == "title")
        #expect(back.diagnostics == Self.rendered.diagnostics)
    }

    @Test func aSearchIndexPartComesBackAsItWasWritten() throws {
        let part = SearchPart(page: SearchPage(
            url: "/a/", title: "Ünïcode plan", description: "",
            sections: [.init(anchor: "", heading: "", text: "Intro plan plan"), .init(anchor: "x", heading: "X ray", text: "")]))
        var writer = CacheWriter()
        writer.searchPart(part)
        var reader = CacheReader(writer.bytes)
        #expect(try reader.searchPart() == part)

        // Bucket starts that do not fit the words are refused, not trusted: the terms are
        // checked when decoded, and a share whose terms do not decode has no words.
        var terms = CacheWriter()
        terms.strings(part.words)
        terms.array(part.fields) { $0.int(Int($1)) }
        terms.array([0, 99]) { $0.int($1) }
        var termsReader = CacheReader(terms.bytes)
        #expect(throws: CacheReader.Corrupt.self) { try termsReader.searchTerms() }
        var bad = CacheWriter()
        bad.string(part.url)
        bad.string(part.fragment)
        bad.int(terms.bytes.count)
        bad.raw(terms.bytes)
        var badReader = CacheReader(bad.bytes)
        let badPart = try badReader.searchPart()
        #expect(badPart.words.isEmpty && badPart.bucketStarts.allSatisfy { $0 == 0 })
        #expect(badPart != part)
    }

    @Test func integersRoundTripAtTheirLimits() throws {
        let values = [0, 1, -1, 63, -64, 64, 127, 128, Int.max, Int.min]
        var writer = CacheWriter()
        for value in values { writer.int(value) }
        var reader = CacheReader(writer.bytes)
        #expect(try values.map { _ in try reader.int() } == values)
    }

    @Test func chunksDecodeInOrder() throws {
        let values = (0..<300).map { "value \($0) " + String(repeating: "x", count: $0) }
        var writer = CacheWriter()
        writer.chunks(values) { $0.string($1) }
        var reader = CacheReader(writer.bytes)
        #expect(try reader.chunks { try $0.string() } == values)
    }

    @Test func everyTruncationIsRefusedWithoutATrap() throws {
        var writer = CacheWriter()
        writer.chunks([Self.page, Self.page]) { $0.page($1) }
        let bytes = writer.bytes
        for length in 0..<bytes.count {
            var reader = CacheReader(Array(bytes[..<length]))
            #expect(throws: CacheReader.Corrupt.self) { try reader.chunks { try $0.page() } }
        }
    }

    @Test func flippedBytesAreRefusedOrReadWithoutATrap() throws {
        var writer = CacheWriter()
        writer.renderedFacts(Self.rendered)
        let bytes = writer.bytes
        var refused = 0
        for position in bytes.indices {
            var damaged = bytes
            damaged[position] ^= 0xFF
            var reader = CacheReader(damaged)
            if (try? reader.renderedFacts()) == nil { refused += 1 }
        }
        // The checksum around each cache file catches what the format alone cannot.
        #expect(refused > 0)
    }

    @Test func theStableHashDependsOnEveryByteAndOnNothingElse() {
        let text = Array("the same bytes, hashed twice, give the same value".utf8)
        #expect(StableHash.of(text) == StableHash.of(text))
        for position in text.indices {
            var changed = text
            changed[position] ^= 1
            #expect(StableHash.of(changed) != StableHash.of(text))
        }
        // Added in pieces of any size, the bytes hash as they do at once (cache files are
        // written in pieces and checked at once).
        for cut in [1, 3, 7, 8, 9, 20] {
            var pieces = StableHash()
            var start = 0
            while start < text.count {
                let end = min(start + cut, text.count)
                pieces.add(Array(text[start..<end]))
                start = end
            }
            #expect(pieces.value == StableHash.of(text), "pieces of \(cut)")
        }
        var split = StableHash()
        split.add("ab")
        split.add("c")
        var other = StableHash()
        other.add("a")
        other.add("bc")
        #expect(split.value != other.value)
    }
}

import PlaybookDiagnostics
import PlaybookModel
import Testing

@Suite struct FrontMatterTests {
    @Test func splitsYamlAndBodyAndCountsLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\nweight: 2\n---\n# Body\n", file: "a.md").get()
        #expect(split.yaml == "title: A\nweight: 2\n")
        #expect(split.body == "# Body\n")
        #expect(split.bodyLineOffset == 4)
    }

    @Test func noFrontMatterKeepsEverythingAsBody() throws {
        let split = try FrontMatter.split("# Only body\n", file: "a.md").get()
        #expect(split.yaml == nil)
        #expect(split.bodyLineOffset == 0)
    }

    @Test func unclosedFrontMatterIsAPositionedError() {
        let result = FrontMatter.split("---\ntitle: A\n# Body\n", file: "content/a.md")
        guard case .failure(let problem) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(problem.description.hasPrefix("content/a.md:1:1: error: the front matter opened here is never closed [frontmatter/unclosed]"))
    }

    @Test func yamlSyntaxErrorsPointIntoTheFile() {
        let result = YAMLParser.parse("title: A\ntags: [one, two\n", file: "content/a.md", lineOffset: 1)
        guard case .failure(let problem) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(problem.code == "yaml/syntax")
        #expect(problem.location.file == "content/a.md")
        #expect(problem.location.line == 4)
    }

    @Test func metadataReportsTypeErrorsAndUnknownKeys() throws {
        let root = try #require(try YAMLParser.parse("title: A\nweight: heavy\ntitel: B\n", file: "p.md", lineOffset: 1).get())
        let (metadata, problems) = PageMetadata.read(root, file: "p.md")
        #expect(metadata.title == "A")
        #expect(
            problems.map(\.description) == [
                "p.md:3:9: error: 'weight' must be a whole number, not text [field/type]",
                "p.md:4:1: warning: unknown key 'titel' in front matter; it is ignored [field/unknown-key]\n    hint: did you mean 'title'?",
            ])
    }

    @Test func frontMatterThatIsAListIsAnError() throws {
        let root = try YAMLParser.parse("- a\n- b\n", file: "p.md", lineOffset: 1).get()
        let (_, problems) = PageMetadata.read(root, file: "p.md")
        #expect(problems.first?.code == "frontmatter/type")
        #expect(problems.first?.location == SourceLocation(file: "p.md", line: 2, column: 1))
    }

    @Test func planKeysAreAllowedOnlyOnPlans() throws {
        let yaml = "title: P\ntype: plan\ncustomer: Acme\n"
        let plan = try #require(try YAMLParser.parse(yaml, file: "p.md").get())
        #expect(PageMetadata.read(plan, file: "p.md").1.isEmpty)
        let page = try #require(try YAMLParser.parse("title: P\ncustomer: Acme\n", file: "p.md").get())
        #expect(PageMetadata.read(page, file: "p.md").1.map(\.code) == ["field/unknown-key"])
    }

    @Test func invalidUTF8AndBinaryAreRefused() {
        let latin1: [UInt8] = Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8)
        guard case .failure(let encoding) = SourceText.decode(latin1, file: "c.md") else {
            Issue.record("expected an encoding error")
            return
        }
        #expect(encoding.code == "file/encoding")
        #expect(encoding.location.line == 2)
        guard case .failure(let binary) = SourceText.decode([0x89, 0x50, 0x4E, 0x47, 0, 1], file: "b.md") else {
            Issue.record("expected a binary error")
            return
        }
        #expect(binary.code == "file/binary")
    }

    @Test func crlfBecomesLF() throws {
        #expect(try SourceText.decode(Array("a\r\nb\r\n".utf8), file: "x").get() == "a\nb\n")
    }
}

import Foundation
import PlaybookTesting
import Testing

/// Hostile and broken input, through the real binary: every case first builds a good site, then
/// breaks it and builds again. The tool must exit 1 (content) or 2 (usage, I/O) with a message
/// naming the file (and position where there is one), never die by a signal or print a stack
/// trace, and leave the previous output exactly as it was.
@Suite struct HostileInputTests {
    /// A site that builds, with its first output written and remembered.
    final class Site {
        let fixture: FixtureSite
        let before: [String: Data]

        init(_ files: [String: String] = [:]) throws {
            var all = ["content/_index.md": page("Home", "Welcome.\n"), "content/a.md": page("A", "Text.\n")]
            for (path, text) in files { all[path] = text }
            fixture = try FixtureSite(all)
            let first = try BuildCommandTests().run(["build", "--source", fixture.root])
            #expect(first.status == 0, "the good site must build first: \(first.stderr)")
            before = FixtureSite.snapshot(of: fixture.output)
            #expect(before["index.html"] != nil)
        }

        /// Builds again and checks the exit status, that stderr holds every expected fragment,
        /// and that the previous output is untouched.
        @discardableResult
        func expectFailure(
            _ status: Int32, _ fragments: [String], arguments: [String] = [],
            sourceLocation: Testing.SourceLocation = #_sourceLocation
        ) throws -> BuildCommandTests.Run {
            let result = try BuildCommandTests().run(["build", "--source", fixture.root] + arguments)
            #expect(result.status == status, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
            for fragment in fragments {
                #expect(result.stderr.contains(fragment), "missing '\(fragment)' in: \(result.stderr)", sourceLocation: sourceLocation)
            }
            for crash in ["Fatal error", "Stack dump", "Segmentation", "Illegal instruction", "0x0000"] {
                #expect(!result.stderr.contains(crash), "crash output: \(result.stderr)", sourceLocation: sourceLocation)
            }
            #expect(FixtureSite.snapshot(of: fixture.output) == before, "the previous site changed", sourceLocation: sourceLocation)
            #expect(leftovers().isEmpty, "temporary folders left: \(leftovers())", sourceLocation: sourceLocation)
            return result
        }

        /// Hidden staging or retired folders beside the output.
        func leftovers() -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: fixture.root)) ?? []
            return names.filter { $0.contains(".building-") || $0.contains(".old-") }
        }
    }

    @Test func malformedYAML() throws {
        let site = try Site()
        try site.fixture.write("content/a.md", "---\ntitle: A\ntags: [one, two\n---\nText.\n")
        try site.expectFailure(1, ["content/a.md:4:1: error: invalid YAML", "[yaml/syntax]"])
    }

    @Test func frontMatterThatIsAList() throws {
        let site = try Site()
        try site.fixture.write("content/a.md", "---\n- title\n- A\n---\nText.\n")
        try site.expectFailure(1, ["content/a.md:2:1: error: front matter must be a mapping", "not a list", "[frontmatter/type]"])
    }

    @Test func frontMatterThatIsAScalar() throws {
        let site = try Site()
        try site.fixture.write("content/a.md", "---\njust some words\n---\nText.\n")
        try site.expectFailure(1, ["content/a.md:2:1: error: front matter must be a mapping", "not text", "[frontmatter/type]"])
    }

    @Test func fileThatIsNotUTF8() throws {
        let site = try Site()
        try site.fixture.write("content/a.md", Data("---\ntitle: A\n---\ncaf".utf8) + Data([0xE9, 0x0A]))
        try site.expectFailure(1, ["content/a.md:4: error: this file is not valid UTF-8 text [file/encoding]"])
    }

    @Test func binaryFileNamedMarkdown() throws {
        let site = try Site()
        var bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        for index in 0..<4096 { bytes.append(UInt8(truncatingIfNeeded: index &* 31)) }
        try site.fixture.write("content/image.md", bytes)
        try site.expectFailure(1, ["content/image.md:", "binary data", "[file/binary]"])
    }

    @Test func anEmptyFileIsAPageNamedAfterItsFile() throws {
        let site = try Site()
        try site.fixture.write("content/status-check_in.md", "")
        let result = try BuildCommandTests().run(["build", "--source", site.fixture.root])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = FixtureSite.snapshot(of: site.fixture.output)["status-check_in/index.html"].map { String(decoding: $0, as: UTF8.self) }
        #expect(html?.contains("<h1>Status check in</h1>") == true)
    }

    @Test func twentyMegabytePageBuilds() throws {
        let site = try Site()
        let paragraph = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\n", count: 10) + "\n"
        let body = String(repeating: paragraph, count: 28_000)
        #expect(body.utf8.count > 20_000_000)
        try site.fixture.write("content/a.md", page("Big", body))
        let result = try BuildCommandTests().run(["build", "--source", site.fixture.root])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOfFile: site.fixture.output + "/a/index.html", encoding: .utf8)
        #expect(html.utf8.count > 20_000_000)
        #expect(site.leftovers().isEmpty)
    }

    @Test func tenThousandDeepListsAndBlockquotesBuild() throws {
        let site = try Site()
        let lists = String(repeating: "- ", count: 10_000) + "deep item\n"
        let quotes = String(repeating: ">", count: 10_000) + " deep quote\n"
        let ordered = String(repeating: "1. ", count: 10_000) + "deep number\n"
        let mixed = String(repeating: "> - ", count: 5_000) + "deep mix\n"
        try site.fixture.write("content/a.md", page("Deep", lists + "\n" + quotes + "\n" + ordered + "\n" + mixed))
        let result = try BuildCommandTests().run(["build", "--source", site.fixture.root])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOfFile: site.fixture.output + "/a/index.html", encoding: .utf8)
        #expect(html.contains("deep item"))
        #expect(html.contains("deep quote"))
        #expect(html.contains("deep number"))
        #expect(html.contains("deep mix"))
    }

    @Test func deeplyNestedYAMLIsAnErrorNotACrash() throws {
        let site = try Site()
        let nested = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        try site.fixture.write("content/a.md", "---\ntitle: A\nx: \(nested)\n---\n")
        try site.expectFailure(1, ["content/a.md:3:", "Maximum nesting level", "[yaml/syntax]"])
    }

    @Test func aliasBombIsRefusedQuickly() throws {
        let site = try Site()
        var yaml = "title: A\na0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<12 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        try site.fixture.write("content/a.md", "---\n" + yaml + "---\n")
        let start = Date()
        try site.expectFailure(1, ["content/a.md:2: error: the YAML expands to far more values", "[yaml/too-large]"])
        #expect(Date().timeIntervalSince(start) < 20)
        // The same, with the expanded value used as a key, which the YAML reader would compare.
        try site.fixture.write("content/a.md", "---\n" + yaml + "*a11 : y\n---\n")
        try site.expectFailure(1, ["content/a.md:15:1: error: an alias ('*name') is used as a key", "[yaml/alias-key]"])
        #expect(Date().timeIntervalSince(start) < 40)
    }

    @Test func linksWithDotDotOrAbsolutePathsStayInside() throws {
        let site = try Site()
        try site.fixture.write(
            "content/a.md", page("A", "[up](../../../../etc/passwd) [abs](/etc/passwd) ![img](../../../etc/hostname)\n"))
        try site.expectFailure(1, [
            "content/a.md:4:1: error: broken link: '../../../../etc/passwd'", "leads outside the content folder",
            "content/a.md:4:", "'/etc/passwd'", "[link/broken]",
        ])
    }

    @Test func typeWithDotDotDoesNotReachOutsideTheTemplates() throws {
        let site = try Site()
        try site.fixture.write("content/a.md", page("A", extra: "type: ../../../../etc/passwd\n", "Text.\n"))
        try site.fixture.write("content/b.md", page("B", extra: "type: /etc/passwd\n", "Text.\n"))
        let result = try BuildCommandTests().run(["build", "--source", site.fixture.root])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOfFile: site.fixture.output + "/a/index.html", encoding: .utf8)
        #expect(html.contains("<h1>A</h1>"))
        #expect(!html.contains("root:"))
    }

    @Test func twoPagesWithTheSameURL() throws {
        let site = try Site()
        try site.fixture.write("content/a.markdown", page("Also A"))
        try site.expectFailure(1, ["content/a.md:1: error: content/a.md and content/a.markdown both make the URL /a/ [page/duplicate-url]"])
    }

    @Test func symlinkLoopInContentIsSkipped() throws {
        let site = try Site()
        let content = site.fixture.root + "/content"
        try FileManager.default.createSymbolicLink(atPath: content + "/loop1", withDestinationPath: "loop2")
        try FileManager.default.createSymbolicLink(atPath: content + "/loop2", withDestinationPath: "loop1")
        try FileManager.default.createDirectory(atPath: content + "/d", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: content + "/d/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: content + "/self.md", withDestinationPath: "self.md")
        let result = try BuildCommandTests().run(["build", "--source", site.fixture.root])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("content/loop1: warning: this symbolic link points nowhere (or into a loop)"))
        #expect(result.stderr.contains("content/self.md: warning: this symbolic link points nowhere (or into a loop)"))
        #expect(result.stderr.contains("content/d/up: warning: symbolic links to folders are not followed"))
    }

    /// Emacs keeps a lock file, a symbolic link that points nowhere, beside a file being edited:
    /// hidden, it is no template, as hidden files are no content.
    @Test func anEditorLockFileAmongTheTemplatesIsIgnored() throws {
        let site = try Site()
        let templates = site.fixture.root + "/templates"
        try FileManager.default.createSymbolicLink(
            atPath: templates + "/.#page.mustache", withDestinationPath: "writer@host.4242:1700000000")
        let result = try BuildCommandTests().run(["build", "--source", site.fixture.root])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains(".#page.mustache"))
    }

    @Test func mustacheSyntaxError() throws {
        let site = try Site()
        try site.fixture.write("templates/page.mustache", "{{<base}}{{$main}}{{#page}}{{page.title}}{{/main}}{{/base}}")
        try site.expectFailure(1, ["templates/page.mustache:1:", "Mustache syntax error", "[template/syntax]"])
    }

    @Test func unknownPartial() throws {
        let site = try Site()
        try site.fixture.write("templates/page.mustache", "{{<base}}{{$main}}{{>partials/nope}}{{/main}}{{/base}}")
        try site.expectFailure(1, ["templates/page.mustache:1:", "the partial 'partials/nope' does not exist", "[template/unknown-partial]"])
    }

    @Test func missingTemplatesFolder() throws {
        let site = try Site()
        try site.fixture.remove("templates")
        try site.expectFailure(1, ["templates/: error: there is no templates folder [template/missing-folder]"])
    }

    @Test func outputUnderARegularFile() throws {
        let site = try Site()
        try site.fixture.write("somefile", "not a folder\n")
        let result = try site.expectFailure(
            2, ["somefile/out: error: cannot create the folder", "somefile"],
            arguments: ["--output", site.fixture.root + "/somefile/out"])
        #expect(result.stdout.isEmpty)
    }

    @Test func outputThatIsARegularFile() throws {
        let site = try Site()
        try site.fixture.write("somefile", "not a folder\n")
        try site.expectFailure(2, ["somefile"], arguments: ["--output", site.fixture.root + "/somefile"])
        #expect(try String(contentsOfFile: site.fixture.root + "/somefile", encoding: .utf8) == "not a folder\n")
    }

    @Test func configWithWrongTypes() throws {
        let site = try Site()
        try site.fixture.write("playbook.yml", "title: [1, 2]\nmarkdown: yes\nlint: 3\n")
        try site.expectFailure(1, [
            "playbook.yml:1:8: error: 'title' must be text, not a list [field/type]",
            "playbook.yml:2:11: error: 'markdown' must be a mapping",
            "playbook.yml:3:7: error: 'lint' must be a mapping", "[lint/config]",
        ])
    }

    @Test func configThatIsAListOrNotUTF8() throws {
        let site = try Site()
        try site.fixture.write("playbook.yml", "- title\n")
        try site.expectFailure(1, ["playbook.yml:1:1: error: the configuration must be a mapping of keys to values, not a list"])
        try site.fixture.write("playbook.yml", Data([0xFF, 0xFE, 0x41, 0x00]))
        try site.expectFailure(1, ["playbook.yml:1: error: this file"])
    }

    @Test func frontMatterWithWrongTypes() throws {
        let site = try Site()
        try site.fixture.write("content/a.md", "---\ntitle: [a, b]\nweight: heavy\ndraft: maybe\n---\n")
        try site.expectFailure(1, [
            "content/a.md:2:8: error: 'title' must be text, not a list [field/type]",
            "content/a.md:3:9: error: 'weight' must be a whole number",
            "content/a.md:4:8: error: 'draft' must be true or false",
        ])
    }

    @Test func hostilePlanAndDiagramSpecs() throws {
        let site = try Site()
        let nested = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        try site.fixture.write("content/a.md", page("A", "```diagram\nkind: cycle\ntitle: T\nsteps: \(nested)\n```\n"))
        try site.expectFailure(1, ["content/a.md:", "the diagram spec is not valid YAML", "[diagram/invalid]"])
        try site.fixture.write("content/a.md", page("A", extra: "type: plan\npromises: 7\ntasks: {a: [b]}\n", "Text.\n"))
        let plan = try BuildCommandTests().run(["build", "--source", site.fixture.root])
        #expect(plan.status == 1, "stderr: \(plan.stderr)")
        #expect(plan.stderr.contains("content/a.md:"))
        #expect(!plan.stderr.contains("Fatal error"))
        #expect(FixtureSite.snapshot(of: site.fixture.output) == site.before)
    }

    @Test func newPageOutsideContentIsRefused() throws {
        let site = try Site()
        let outside = site.fixture.root + "/escape.md"
        for path in ["../escape.md", "a/../../escape.md", outside, ""] {
            let result = try BuildCommandTests().run(["new", "page", path, "--title", "T", "--source", site.fixture.root])
            #expect(result.status == 2, "'\(path)': \(result.stderr)")
            #expect(result.stderr.contains("must be a path inside content/"), "'\(path)': \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: outside))
        #expect(FixtureSite.snapshot(of: site.fixture.output) == site.before)
    }

    @Test func outputOverTheSourcesOrForeignFilesIsRefused() throws {
        let site = try Site()
        try site.expectFailure(2, ["contains the site's sources; it would be replaced"], arguments: ["--output", site.fixture.root])
        try site.expectFailure(2, ["holds files this tool did not write; it is left alone"], arguments: ["--output", site.fixture.root + "/content"])
        #expect(FileManager.default.fileExists(atPath: site.fixture.root + "/content/a.md"))
        try site.expectFailure(2, ["contains the site's sources"], arguments: ["--output", "/"])
    }

    /// Regression: a 1,000-deep folder tree overflowed the stack in the sidebar's recursive partial.
    @Test func deeplyNestedFoldersAreAnErrorNotACrash() throws {
        let site = try Site()
        let deep = Array(repeating: "a", count: 1_000).joined(separator: "/")
        try site.fixture.write("content/" + deep + "/x.md", page("Deep"))
        let at33 = Array(repeating: "a", count: 33).joined(separator: "/")
        try site.expectFailure(1, [
            "content/\(at33): error: folders are nested more than 32 deep here; the folder is not read [file/too-deep]"
        ])
        // 32 levels, each with a page, still build.
        try site.fixture.remove("content/a")
        try site.fixture.write("content/a.md", page("A", "Text.\n"))
        for level in 1...32 {
            try site.fixture.write("content/" + Array(repeating: "b", count: level).joined(separator: "/") + "/x.md", page("Level \(level)"))
        }
        let result = try BuildCommandTests().run(["build", "--source", site.fixture.root])
        #expect(result.status == 0, "stderr: \(result.stderr)")
    }

    /// Regression: wrapping measured every longer line again, so a label of 40,000 words took
    /// more than five minutes.
    @Test func hugeDiagramLabelsBuildQuickly() throws {
        let site = try Site()
        let words = Array(repeating: "word", count: 20_000).joined(separator: " ")
        let long = String(repeating: "x", count: 100_000)
        try site.fixture.write(
            "content/a.md",
            page("A", "```diagram\nkind: flow\ntitle: T\nsteps: [\"\(words)\", \"\(long)\", c]\n```\n"
                + "```diagram\nkind: cycle\ntitle: \"\(words)\"\nsteps: [\"\(long)\", b, \"\(words)\"]\n```\n"))
        let start = Date()
        let result = try BuildCommandTests().run(["build", "--source", site.fixture.root])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(Date().timeIntervalSince(start) < 30)
    }
}

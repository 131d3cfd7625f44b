import Foundation
import PlaybookBuild
import PlaybookTesting
import Testing

/// An incremental rebuild gives, byte for byte, what a full build of the same files gives.
@Suite struct IncrementalBuilderTests {
    func contents(_ result: BuildResult) -> [String: String] {
        var map: [String: String] = [:]
        for file in result.files {
            switch file.contents {
            case .text(let text): map[file.path] = text
            case .copy(let source), .link(let source): map[file.path] = "copy of " + source
            }
        }
        return map
    }

    func full(_ site: FixtureSite) throws -> BuildResult {
        try site.build(write: false)
    }

    @Test func aScriptedSeriesOfEditsMatchesFullBuilds() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home", "[a](guide/a.md#first)\n"),
            "content/guide/_index.md": page("Guide", weight: 1),
            "content/guide/a.md": page("A", weight: 1, "## First\n\nBody.\n"),
            "content/guide/b.md": page("B", weight: 2, "- [ ] task\n\n[to a](a.md)\n"),
            "content/about.md": page("About", weight: 2),
        ])
        let builder = IncrementalBuilder(options: BuildOptions(source: site.root, output: nil))
        var first = try builder.build(changed: nil)
        #expect(first.succeeded)
        #expect(contents(first) == contents(try full(site)))

        let steps: [(String, [String], () throws -> Void)] = [
            ("edit a body", ["content/guide/a.md"], { try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nNew body.\n")) }),
            ("rename a title", ["content/guide/b.md"], { try site.write("content/guide/b.md", page("B renamed", weight: 2, "- [ ] task\n")) }),
            ("reorder", ["content/about.md"], { try site.write("content/about.md", page("About", weight: 0)) }),
            ("add a page", ["content/guide/c.md"], { try site.write("content/guide/c.md", page("C", weight: 3, "See [b](b.md).\n")) }),
            ("break an anchor", ["content/guide/a.md"], { try site.write("content/guide/a.md", page("A", weight: 1, "## Second\n")) }),
            ("fix it", ["content/guide/a.md"], { try site.write("content/guide/a.md", page("A", weight: 1, "## First\n")) }),
            ("delete a page", ["content/guide/c.md"], { try site.remove("content/guide/c.md") }),
            ("rename a file", ["content/guide/b.md", "content/guide/bee.md"], {
                try site.remove("content/guide/b.md")
                try site.write("content/guide/bee.md", page("Bee", weight: 2))
            }),
            ("change a template", ["templates/page.mustache"], {
                try site.write("templates/page.mustache", "{{<base}}{{$main}}<h1 class=\"t\">{{page.title}}</h1>{{{page.content}}}{{/main}}{{/base}}")
            }),
            ("add a file beside the pages", ["content/guide/chart.png"], { try site.write("content/guide/chart.png", "PNG") }),
            ("change the config", ["playbook.yml"], { try site.write("playbook.yml", "title: Renamed site\n") }),
        ]
        for (name, changed, edit) in steps {
            try edit()
            let incremental = try builder.build(changed: Set(changed))
            let expected = try full(site)
            #expect(contents(incremental) == contents(expected), "after: \(name)")
            #expect(incremental.diagnostics == expected.diagnostics, "after: \(name)")
            first = incremental
        }
        #expect(first.succeeded)
    }

    @Test func aBodyEditRendersOnlyThatPage() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "one\n"),
            "content/b.md": page("B", "two\n"),
        ])
        let builder = IncrementalBuilder(options: BuildOptions(source: site.root, output: nil))
        let before = try builder.build(changed: nil)
        try site.write("content/a.md", page("A", "changed\n"))
        // A file the builder was not told about is not read again: proof the cache is used.
        try site.write("content/b.md", page("B", "also changed, unannounced\n"))
        let after = try builder.build(changed: ["content/a.md"])
        #expect(FixtureSite.text(after, "a/index.html")?.contains("changed") == true)
        #expect(FixtureSite.text(after, "b/index.html") == FixtureSite.text(before, "b/index.html"))
    }
}

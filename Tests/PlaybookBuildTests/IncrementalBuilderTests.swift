import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
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
            case .written: map[file.path] = FixtureSite.text(result, file.path)
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
        let builder = BuildSession(options: BuildOptions(source: site.root, output: nil))
        var first = try builder.build(changed: nil)
        #expect(first.succeeded)
        #expect(contents(first) == contents(try full(site)))

        let steps: [(String, [String], () throws -> Void)] = [
            ("edit a body", ["content/guide/a.md"], { try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nNew body.\n")) }),
            ("add an alias", ["content/about.md"], { try site.write("content/about.md", page("About", weight: 2, extra: "aliases: [/old-about/]\n")) }),
            ("drop it", ["content/about.md"], { try site.write("content/about.md", page("About", weight: 2)) }),
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

    /// A change of `order:` re-renders every page (each shows the sidebar); problems with the
    /// list survive the fast path taken by a body edit, and move when the list moves.
    @Test func aChangedOrderMatchesFullBuildsAndKeepsItsProblems() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/guide/_index.md": page("Guide", weight: 1),
            "content/guide/a.md": page("A", weight: 1, "[b](b.md)\n"),
            "content/guide/b.md": page("B", weight: 2),
            "content/about.md": page("About", weight: 2),
        ])
        // As the preview builds: the search index is made on request, so a body edit takes the
        // quick path (a build that writes the index takes the full one).
        let builder = BuildSession.preview(of: site.root)
        _ = try builder.build(changed: nil)
        func guide(_ extra: String, _ body: String = "") throws {
            try site.write("content/guide/_index.md", page("Guide", weight: 1, extra: extra, body))
        }
        let guidePath = ["content/guide/_index.md"]
        let steps: [(String, [String], () throws -> Void)] = [
            ("order the guide", guidePath, { try guide("order: [b.md]\n") }),
            ("misspell a name", guidePath, { try guide("order: [b.md, aa.md]\n") }),
            ("edit the guide's body", guidePath, { try guide("order: [b.md, aa.md]\n", "New words.\n") }),
            ("edit another page's body", ["content/guide/a.md"], { try site.write("content/guide/a.md", page("A", weight: 1, "Changed.\n")) }),
            ("move the list a line down", guidePath, { try guide("# a note\norder: [b.md, aa.md]\n", "New words.\n") }),
            ("fix the name", guidePath, { try guide("order: [b.md, a.md]\n") }),
            ("drop the order", guidePath, { try guide("") }),
            ("add an alias", ["content/about.md"], { try site.write("content/about.md", page("About", weight: 2, extra: "aliases: [/old-about/]\n")) }),
            ("drop it", ["content/about.md"], { try site.write("content/about.md", page("About", weight: 2)) }),
        ]
        for (name, changed, edit) in steps {
            try edit()
            let incremental = try builder.build(changed: Set(changed))
            let expected = try full(site)
            #expect(contents(incremental) == contents(expected).filter { !$0.key.hasPrefix("search/") }, "after: \(name)")
            #expect(incremental.diagnostics == expected.diagnostics, "after: \(name)")
            if name == "edit the guide's body" {
                // The print page shows every body: the quick path makes it again too.
                #expect(
                    incremental.changedFiles == ["guide/index.html", "guide/index.md", "llms-full.txt"],
                    "the fast path was taken")
                #expect(incremental.diagnostics.map(\.code) == ["order/unknown"])
            }
            if name == "order the guide" {
                let about = SidebarReader.sidebar(incremental, page: "about/index.html") ?? ""
                #expect(about.contains("<li><a href=\"/guide/b/\">B</a></li><li><a href=\"/guide/a/\">A</a></li>"))
                #expect(incremental.site.pages.map(\.title).prefix(4) == ["Home", "Guide", "B", "A"])
            }
        }
    }

    @Test func aBodyEditRendersOnlyThatPage() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "one\n"),
            "content/b.md": page("B", "two\n"),
        ])
        let builder = BuildSession(options: BuildOptions(source: site.root, output: nil))
        let before = try builder.build(changed: nil)
        try site.write("content/a.md", page("A", "changed\n"))
        // A file the builder was not told about is not read again: proof the cache is used.
        try site.write("content/b.md", page("B", "also changed, unannounced\n"))
        let after = try builder.build(changed: ["content/a.md"])
        #expect(FixtureSite.text(after, "a/index.html")?.contains("changed") == true)
        #expect(FixtureSite.text(after, "b/index.html") == FixtureSite.text(before, "b/index.html"))
    }
}

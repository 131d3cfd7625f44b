import Foundation
import PlaybookBuild
import PlaybookModel
import PlaybookTesting
import Testing

/// `llms.txt`, `llms-full.txt` and each page's `index.md` (llmstxt.org), the switch that turns
/// them off, and the same bytes from a build from nothing, the preview's quick path and the cache.
@Suite struct LlmsFilesTests {
    static let files: [String: String] = [
        "playbook.yml": "title: Team *Handbook*\ndescription: How we work.\nbase-url: /handbook/\n",
        "content/_index.md": page("Home", "Welcome. See [a](guide/a.md#first) and ![logo](logo.svg).\n"),
        "content/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "content/guide/_index.md": page("Guide", weight: 1, extra: "description: The guide.\n"),
        "content/guide/a.md": page(
            "A [draft] title", weight: 1, extra: "description: First_one.\n",
            "\n## First\n\nBody with [b](b.md), [top](#first), [out](https://example.com/x.md) and `[c](b.md)`.\n\n"
                + "> Quoted\n> and [about](../about.md).\n\n```\n[kept](b.md)\n```\n"),
        "content/guide/b.md": page("B", weight: 2, "[back](<a.md>)\n"),
        "content/about.md": page("About", weight: 2),
        // The article says where its Markdown copy is, as the shipped templates do.
        "templates/page.mustache":
            "{{<base}}{{$main}}<article{{#page.markdownURL}} data-md=\"{{page.markdownURL}}\"{{/page.markdownURL}}>"
            + "{{{page.content}}}</article>{{/main}}{{/base}}",
    ]

    func text(_ result: BuildResult, _ path: String) throws -> String {
        try #require(FixtureSite.text(result, path), "\(path) is missing")
    }

    @Test func llmsTxtListsThePagesBySectionInReadingOrderUnderTheBasePath() throws {
        let result = try FixtureSite(Self.files).build(write: false)
        #expect(result.succeeded)
        #expect(
            try text(result, "llms.txt") == """
                # Team \\*Handbook\\*

                > How we work.

                ## Home

                - [Home](/handbook/)
                - [About](/handbook/about/)

                ## Guide

                - [Guide](/handbook/guide/): The guide.
                - [A \\[draft\\] title](/handbook/guide/a/): First\\_one.
                - [B](/handbook/guide/b/)

                """)
    }

    @Test func aPageCopyHasNoFrontMatterAndAbsoluteLinks() throws {
        let result = try FixtureSite(Self.files).build(write: false)
        #expect(
            try text(result, "guide/a/index.md") == """
                # A \\[draft\\] title

                URL: /handbook/guide/a/

                > First\\_one.

                ## First

                Body with [b](/handbook/guide/b/), [top](/handbook/guide/a/#first), [out](https://example.com/x.md) and `[c](b.md)`.

                > Quoted
                > and [about](/handbook/about/).

                ```
                [kept](b.md)
                ```

                """)
        #expect(try text(result, "guide/b/index.md") == "# B\n\nURL: /handbook/guide/b/\n\n[back](</handbook/guide/a/>)\n")
        #expect(try text(result, "guide/a/index.html").contains("data-md=\"/handbook/guide/a/index.md\""))
    }

    @Test func linksTakeTheOriginOfTheBaseURL() throws {
        var files = Self.files
        files["playbook.yml"] = "title: T\nbase-url: https://example.org/handbook/\n"
        let result = try FixtureSite(files).build(write: false)
        #expect(
            try text(result, "index.md") == """
                # Home

                URL: https://example.org/handbook/

                Welcome. See [a](https://example.org/handbook/guide/a/#first) and ![logo](https://example.org/handbook/logo.svg).

                """)
        #expect(try text(result, "llms.txt").contains("- [B](https://example.org/handbook/guide/b/)\n"))
    }

    @Test func llmsFullTxtIsEveryCopyInReadingOrder() throws {
        let result = try FixtureSite(Self.files).build(write: false)
        let pages = ["index.md", "guide/index.md", "guide/a/index.md", "guide/b/index.md", "about/index.md"]
        let copies = try pages.map { try text(result, $0) }
        #expect(try text(result, "llms-full.txt") == "# Team \\*Handbook\\*\n\n> How we work.\n\n" + copies.joined(separator: "\n"))
    }

    @Test func llmsFalseTurnsEverythingOff() throws {
        var files = Self.files
        files["playbook.yml"] = "title: T\nllms: false\n"
        let result = try FixtureSite(files).build(write: false)
        #expect(result.succeeded)
        let paths = result.files.map(\.path)
        #expect(!paths.contains { $0.hasSuffix(".md") || $0.hasPrefix("llms") })
        #expect(try text(result, "guide/a/index.html").contains("data-md") == false)
    }

    @Test func theContentsOwnLlmsTxtIsTheOnePublished() throws {
        var files = Self.files
        files["content/llms.txt"] = "# Ours\n"
        let result = try FixtureSite(files).build(write: false)
        #expect(result.succeeded)
        let published = result.files.filter { $0.path == "llms.txt" }
        #expect(published.count == 1)
        if case .copy(let source) = published.first?.contents { #expect(source.hasSuffix("/content/llms.txt")) } else { Issue.record("llms.txt is not the content's") }
        #expect(FixtureSite.text(result, "llms-full.txt") != nil)
    }

    @Test func thePreviewsQuickPathWritesWhatAFullBuildWrites() throws {
        let site = try FixtureSite(Self.files)
        let session = BuildSession.preview(of: site.root)
        _ = try session.build(changed: nil)
        try site.write("content/guide/b.md", page("B", weight: 2, "Now [home](../_index.md).\n"))
        let edited = try session.build(changed: ["content/guide/b.md"])
        #expect(edited.changedFiles == ["guide/b/index.html", "guide/b/index.md", "llms-full.txt"])
        #expect(try text(edited, "guide/b/index.md").contains("[home](/handbook/)"))
        let full = try site.build(write: false)
        for path in ["guide/b/index.md", "llms-full.txt", "llms.txt", "guide/a/index.md"] {
            #expect(try text(edited, path) == (try text(full, path)), "\(path)")
        }
    }

    @Test func theCacheWritesWhatABuildFromNothingWrites() throws {
        let site = try FixtureSite(Self.files)
        var options = BuildOptions(source: site.root, output: site.output)
        options.cacheFolder = site.root + "/.playbook-cache"
        _ = try SiteBuilder(options: options).build()
        try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nNew [b](b.md).\n"))
        #expect(try SiteBuilder(options: options).build().succeeded)
        let reference = site.root + "/reference"
        _ = try SiteBuilder(options: BuildOptions(source: site.root, output: reference)).build()
        let cached = FixtureSite.snapshot(of: site.output)
        #expect(cached == FixtureSite.snapshot(of: reference))
        #expect(cached["guide/a/index.md"].map { String(decoding: $0, as: UTF8.self) }?.contains("[b](/handbook/guide/b/)") == true)
    }

    @Test func aLinkInATableCellIsMadeAbsoluteAsElsewhere() throws {
        var files = Self.files
        files["content/guide/b.md"] = page("B", weight: 2, "| Where | Why |\n|---|---|\n| [a](a.md) and [about](../about.md) | ![logo](../logo.svg) |\n")
        let result = try FixtureSite(files).build(write: false)
        #expect(
            try text(result, "guide/b/index.md").contains(
                "| [a](/handbook/guide/a/) and [about](/handbook/about/) | ![logo](/handbook/logo.svg) |"))
    }

    @Test func theCacheTakesKeptPagesCopiesFromTheLastLlmsFullTxtUnlessItChanged() throws {
        let site = try FixtureSite(Self.files)
        var options = BuildOptions(source: site.root, output: site.output)
        options.cacheFolder = site.root + "/.playbook-cache"
        _ = try SiteBuilder(options: options).build()
        let reference = site.root + "/reference"
        for round in 0..<2 {
            // The second time, the last llms-full.txt is not what the cache says: copies are made again.
            // One byte more: every range still fits, only the size tells the file is not the one described.
            if round == 1 {
                let path = site.output + "/llms-full.txt"
                try (String(contentsOfFile: path, encoding: .utf8) + " ").write(toFile: path, atomically: false, encoding: .utf8)
            }
            try site.write("content/guide/b.md", page("B", weight: 2, "Round \(round): [back](a.md#first).\n"))
            #expect(try SiteBuilder(options: options).build().succeeded)
            _ = try SiteBuilder(options: BuildOptions(source: site.root, output: reference)).build()
            #expect(FixtureSite.snapshot(of: site.output) == FixtureSite.snapshot(of: reference), "round \(round)")
        }
    }
}

import Foundation
@testable import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookRender
import PlaybookTesting
import Testing

/// A build that starts from the build cache writes, byte for byte, what a build without it
/// writes; it skips only what did not change.
@Suite struct BuildCacheTests {
    static let files: [String: String] = [
        "playbook.yml": "print: true\n",
        "content/_index.md": page("Home", "[a](guide/a.md#first) and ![logo](logo.svg)\n"),
        "content/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "content/guide/_index.md": page("Guide", weight: 1),
        "content/guide/a.md": page("A", weight: 1, "## First\n\nBody.\n"),
        "content/guide/b.md": page("B", weight: 2, extra: "maintainer: someone\n", "- [ ] task\n\n[to a](a.md)\n"),
        "content/about.md": page("About", weight: 2),
    ]

    func build(_ site: FixtureSite, clean: Bool = false, baseURL: String? = nil) throws -> BuildResult {
        var options = BuildOptions(source: site.root, output: site.output, baseURL: baseURL)
        options.cacheFolder = site.root + "/.playbook-cache"
        options.clean = clean
        return try SiteBuilder(options: options).build()
    }

    /// What a build of the same files without the cache writes.
    func reference(_ site: FixtureSite, baseURL: String? = nil) throws -> [String: Data] {
        let folder = site.root + "/reference"
        let result = try SiteBuilder(options: BuildOptions(source: site.root, output: folder, baseURL: baseURL)).build()
        #expect(result.succeeded)
        return FixtureSite.snapshot(of: folder)
    }

    func inode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
    }

    /// The output path of every page that was rendered (not reused) in `result`.
    /// The pages the build rendered, but the print page, which every build makes (it shows every page).
    func rendered(_ result: BuildResult) -> Set<String> {
        let pages = Set(result.pages.map(\.outputPath)).subtracting(["print/index.html"])
        return Set(
            result.files.filter { file in
                guard pages.contains(file.path) else { return false }
                if case .link = file.contents { return false }
                return true
            }.map(\.path))
    }

    @Test func aSecondBuildWithNothingChangedIsUpToDateAndRepeatsTheWarnings() throws {
        let site = try FixtureSite(Self.files)
        let first = try build(site)
        #expect(first.succeeded && first.upToDate == nil)
        #expect(first.diagnostics.contains { $0.code == "field/unknown-key" })
        let before = FixtureSite.snapshot(of: site.output)
        let second = try build(site)
        #expect(second.upToDate?.pages == first.pagesInNavigation.count)
        #expect(second.upToDate?.files == first.files.count)
        #expect(second.diagnostics == first.diagnostics)
        #expect(!second.wrote)
        #expect(FixtureSite.snapshot(of: site.output) == before)
    }

    @Test func aBodyEditRendersThatPageAloneAndLinksTheRest() throws {
        let site = try FixtureSite(Self.files)
        _ = try build(site)
        let untouched = try inode(site.output + "/about/index.html")
        try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nA new body.\n"))
        let result = try build(site)
        #expect(result.succeeded && result.upToDate == nil)
        #expect(rendered(result) == ["guide/a/index.html"])
        #expect(try inode(site.output + "/about/index.html") == untouched)
        let snapshot = FixtureSite.snapshot(of: site.output)
        #expect(snapshot == (try reference(site)))
        // The Markdown copies (llms) are written from the cached pages too, the edit included.
        for path in ["llms.txt", "llms-full.txt", "about/index.md", "guide/b/index.md"] { #expect(snapshot[path] != nil, "\(path)") }
        #expect(snapshot["guide/a/index.md"].map { String(decoding: $0, as: UTF8.self) }?.contains("A new body.") == true)
    }

    @Test func aSeriesOfEditsGivesWhatABuildWithoutTheCacheGives() throws {
        let site = try FixtureSite(Self.files)
        _ = try build(site)
        let steps: [(String, () throws -> Void)] = [
            ("rename a title", { try site.write("content/guide/b.md", page("B renamed", weight: 2, "[to a](a.md#first)\n")) }),
            ("add a page", { try site.write("content/guide/c.md", page("C", weight: 3, "See [b](b.md).\n")) }),
            ("edit a template", { try site.write("templates/page.mustache", "{{<base}}{{$main}}<h1 class=\"t\">{{page.title}}</h1>{{{page.content}}}{{/main}}{{/base}}") }),
            ("add an asset", { try site.write("templates/assets/extra.css", "p {}\n") }),
            ("replace a static file", { try site.write("content/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\"/>") }),
            ("change the configuration", { try site.write("playbook.yml", "title: Renamed site\nprint: true\n") }),
            ("remove a page", { try site.remove("content/guide/c.md") }),
            ("edit a body the print page shows", { try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nNew [b](b.md).\n")) }),
            ("turn the print page off", { try site.write("playbook.yml", "title: Renamed site\nprint: false\n") }),
            ("and on", { try site.write("playbook.yml", "title: Renamed site\nprint: true\n") }),
            ("order a section", { try site.write("content/guide/_index.md", page("Guide", weight: 1, extra: "order: [b.md]\n")) }),
            ("edit the ordered section's body", {
                try site.write("content/guide/_index.md", page("Guide", weight: 1, extra: "order: [b.md]\n", "Words.\n"))
            }),
        ]
        for (name, step) in steps {
            try step()
            let result = try build(site)
            #expect(result.succeeded, "\(name)")
            #expect(result.upToDate == nil, "\(name)")
            let snapshot = FixtureSite.snapshot(of: site.output)
            #expect(snapshot == (try reference(site)), "\(name)")
            #expect((snapshot["print/index.html"] == nil) == (name == "turn the print page off"), "\(name)")
        }
        // The same bytes written again: a new stat, the same digest, nothing to do.
        try site.write("content/about.md", page("About", weight: 2))
        #expect(try build(site).upToDate != nil)
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))
    }

    /// CI: a fresh clone (same bytes, new paths, times and inodes) with the cache and the output
    /// folder it describes restored is up to date, and an edit there renders that page alone.
    @Test func aFreshCloneWithTheCacheRestoredStartsWhereTheLastBuildLeftOff() throws {
        let first = try FixtureSite(Self.files)
        _ = try build(first)
        let clone = try FixtureSite(Self.files)
        let fm = FileManager.default
        try fm.copyItem(atPath: first.root + "/.playbook-cache", toPath: clone.root + "/.playbook-cache")
        try fm.copyItem(atPath: first.output, toPath: clone.output)
        let restored = try build(clone)
        #expect(restored.upToDate != nil)
        try clone.write("content/guide/a.md", page("A", weight: 1, "## First\n\nEdited in the clone.\n"))
        let edited = try build(clone)
        #expect(edited.succeeded && edited.upToDate == nil)
        #expect(rendered(edited) == ["guide/a/index.html"])
        #expect(FixtureSite.snapshot(of: clone.output) == (try reference(clone)))
    }

    /// The cache without its output folder: nothing HTML can be reused, the rest is, and the
    /// output is what a build without the cache writes.
    @Test func theCacheWithoutItsOutputFolderStillBuildsTheSameSite() throws {
        let first = try FixtureSite(Self.files)
        _ = try build(first)
        let clone = try FixtureSite(Self.files)
        try FileManager.default.copyItem(atPath: first.root + "/.playbook-cache", toPath: clone.root + "/.playbook-cache")
        try clone.write("content/about.md", page("About", weight: 2, "Edited.\n"))
        let result = try build(clone)
        #expect(result.succeeded && result.upToDate == nil)
        #expect(FixtureSite.snapshot(of: clone.output) == (try reference(clone)))
    }

    /// `playbook serve` starts from the cache `playbook build` left: only the page edited since
    /// is rendered, the others are served from that build's output folder, and every file is
    /// what a preview built from nothing serves.
    @Test func aPreviewStartsFromTheCacheABuildLeft() throws {
        let site = try FixtureSite(Self.files)
        _ = try build(site)
        try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nEdited before serving.\n"))
        var options = BuildOptions(source: site.root, output: nil)
        options.searchIndex = false
        let restored = try #require(BuildState.restored(forPreviewOf: options))
        #expect(restored.changes == .paths(["content/guide/a.md"]))
        let preview = try Build.run(previous: restored.state, changes: restored.changes, options: options).result
        let fresh = try Build.run(previous: nil, changes: .everything, options: options).result
        func served(_ result: BuildResult) -> [String: Data] {
            var files: [String: Data] = [:]
            for file in result.files {
                switch file.contents {
                case .text(let text): files[file.path] = Data(text.utf8)
                case .copy(let from), .link(let from): files[file.path] = FileManager.default.contents(atPath: from)
                case .written: Issue.record("the preview writes no folder")
                }
            }
            return files
        }
        #expect(rendered(preview) == ["guide/a/index.html"])
        #expect(served(preview) == served(fresh))
        #expect(SiteBuilder.searchFiles(for: preview, stemming: nil) == SiteBuilder.searchFiles(for: fresh, stemming: nil))
    }

    /// A new `order:` changes the sidebar of every page: none of them is reused, and the page
    /// read back from the cache carries its list, so the next build sees it unchanged.
    @Test func aChangedOrderRendersEveryPageAgain() throws {
        let site = try FixtureSite(Self.files)
        let first = try build(site)
        try site.write("content/guide/_index.md", page("Guide", weight: 1, extra: "order: [b.md, a.md]\n"))
        let reordered = try build(site)
        #expect(reordered.succeeded && reordered.upToDate == nil)
        #expect(rendered(reordered) == Set(first.pages.map(\.outputPath)).subtracting(["print/index.html"]))
        #expect(reordered.site.pages.map(\.title).prefix(4) == ["Home", "Guide", "B", "A"])
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))
        let scripts = try ["index", "index-top"].map { name in
            String(decoding: try #require(FileManager.default.contents(atPath: site.output + "/assets/nav/\(name).js")), as: UTF8.self)
        }
        let html = try #require(SidebarReader.insertedHTML(script: scripts[0], shared: scripts[1]))
        let b = try #require(html.range(of: "href=\"/guide/b/\""))
        let a = try #require(html.range(of: "href=\"/guide/a/\""))
        #expect(b.lowerBound < a.lowerBound, "the sidebar of a page outside the section follows the order")

        try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nAnother body.\n"))
        let bodyEdit = try build(site)
        #expect(rendered(bodyEdit) == ["guide/a/index.html"], "the order read back from the cache is unchanged")
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))
    }

    /// Entries that were neither read nor rendered again are written back as the bytes they
    /// were read from: the cache must still be the one a clean build writes.
    @Test func aCacheWrittenAfterAnEditIsTheOneACleanBuildWrites() throws {
        var files = Self.files
        files["content/Team Norms.md"] = page("Team norms", weight: 3)
        let site = try FixtureSite(files)
        _ = try build(site)
        let steps: [(String, () throws -> Void)] = [
            ("edit a body", { try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nEdited.\n")) }),
            ("keep names as written", { try site.write("playbook.yml", "title: T\nurls: keep\n") }),
            ("rename a title", { try site.write("content/about.md", page("About us", weight: 2)) }),
        ]
        // Every pages file (`pages.cache` and the shards) and `site.cache`, not the head, which
        // holds stamps.
        func pagesFiles() -> [String: Data] {
            FixtureSite.snapshot(of: site.root + "/.playbook-cache").filter { $0.key != "build.cache" }
        }
        for (name, step) in steps {
            try step()
            #expect(try build(site).succeeded, "\(name)")
            let incremental = pagesFiles()
            #expect(incremental.count == BuildCache.shardCount + 2)
            #expect(try build(site, clean: true).succeeded)
            #expect(pagesFiles() == incremental, "\(name)")
        }
    }

    /// `llms.txt` lists what the navigation shows: a body edit links the last build's, a new
    /// title makes it again; both are what a build without the cache writes.
    @Test func llmsListIsLinkedUntilTheNavigationChanges() throws {
        let site = try FixtureSite(Self.files)
        _ = try build(site)
        let list = site.output + "/llms.txt"
        let first = try inode(list)
        try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nEdited.\n"))
        #expect(try build(site).succeeded)
        #expect(try inode(list) == first, "linked from the last build")
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))
        try site.write("content/guide/a.md", page("A renamed", weight: 1, "## First\n\nEdited.\n"))
        #expect(try build(site).succeeded)
        #expect(try String(contentsOfFile: list, encoding: .utf8).contains("A renamed"))
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))
    }

    /// A body edit writes the shard file of its page and `pages.cache` (the search memo), and
    /// leaves the other shards' files as they were; a damaged shard is not trusted.
    @Test func anEditRewritesOnlyItsPagesShard() throws {
        let site = try FixtureSite(Self.files)
        _ = try build(site)
        let folder = site.root + "/.playbook-cache/"
        func inodes() throws -> [Int: Int] {
            Dictionary(uniqueKeysWithValues: try (0..<BuildCache.shardCount).map { ($0, try inode(folder + "pages-\($0).cache")) })
        }
        let before = try inodes()
        try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nEdited.\n"))
        #expect(try build(site).succeeded)
        let after = try inodes()
        let edited = BuildCache.shard(of: "guide/a.md")
        #expect(before[edited] != after[edited], "the edited page's shard is written anew")
        #expect(before.filter { $0.key != edited } == after.filter { $0.key != edited }, "the others are kept")

        let other = (edited + 1) % BuildCache.shardCount
        var bytes = try #require(FileManager.default.contents(atPath: folder + "pages-\(other).cache"))
        bytes[bytes.count / 2] ^= 0x55
        try bytes.write(to: URL(fileURLWithPath: folder + "pages-\(other).cache"))
        try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nEdited again.\n"))
        let result = try build(site)
        #expect(result.cacheNote?.contains("damaged") == true)
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))
    }

    @Test func cleanRendersEverythingAgain() throws {
        let site = try FixtureSite(Self.files)
        let first = try build(site)
        let clean = try build(site, clean: true)
        #expect(clean.upToDate == nil && clean.wrote)
        #expect(rendered(clean) == Set(first.pages.map(\.outputPath)).subtracting(["print/index.html"]))
        #expect(try build(site).upToDate != nil, "--clean writes the cache anew")
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let site = try FixtureSite(Self.files)
        _ = try build(site)
        let cache = site.root + "/.playbook-cache/"
        for name in ["build.cache", "pages.cache"] {
            var bytes = try #require(FileManager.default.contents(atPath: cache + name))
            bytes[bytes.count / 2] ^= 0x55
            try bytes.write(to: URL(fileURLWithPath: cache + name))
        }
        try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nChanged.\n"))
        let result = try build(site)
        #expect(result.succeeded)
        #expect(rendered(result) == Set(result.pages.map(\.outputPath)).subtracting(["print/index.html"]), "nothing is trusted from a damaged cache")
        #expect(result.cacheNote?.contains("damaged") == true)
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))

        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: cache + "build.cache"))
        // A write killed before its rename leaves a temporary file; the next write removes it.
        try Data("half".utf8).write(to: URL(fileURLWithPath: cache + "pages.cache.tmp-999999999"))
        #expect(try build(site).succeeded)
        #expect(!FileManager.default.fileExists(atPath: cache + "pages.cache.tmp-999999999"))
    }

    /// Two builds at once can leave one's head beside the other's pages: the pair is refused.
    @Test func pagesWrittenWithAnotherHeadAreNotUsed() throws {
        let site = try FixtureSite(Self.files)
        _ = try build(site)
        let pagesPath = site.root + "/.playbook-cache/pages.cache"
        let older = try #require(FileManager.default.contents(atPath: pagesPath))
        try site.write("content/guide/b.md", page("B", weight: 2, "Changed once.\n"))
        _ = try build(site)
        try older.write(to: URL(fileURLWithPath: pagesPath))
        try site.write("content/about.md", page("About", weight: 2, "Changed too.\n"))
        let result = try build(site)
        #expect(rendered(result) == Set(result.pages.map(\.outputPath)).subtracting(["print/index.html"]), "nothing is taken from the mismatched pages")
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))
    }

    @Test func anOutputFolderTheCacheDoesNotDescribeIsRenderedAgain() throws {
        let site = try FixtureSite(Self.files)
        _ = try build(site)
        try FileManager.default.removeItem(atPath: site.output)
        let result = try build(site)
        #expect(result.upToDate == nil)
        #expect(rendered(result) == Set(result.pages.map(\.outputPath)).subtracting(["print/index.html"]))
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))
    }

    @Test func otherOptionsAreNotUpToDate() throws {
        let site = try FixtureSite(Self.files)
        _ = try build(site)
        let result = try build(site, baseURL: "/handbook/")
        #expect(result.upToDate == nil)
        #expect(result.cacheNote?.contains("other options") == true)
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site, baseURL: "/handbook/")))
    }

    @Test func aFailedBuildLeavesTheCacheForTheNextOne() throws {
        let site = try FixtureSite(Self.files)
        _ = try build(site)
        let before = FixtureSite.snapshot(of: site.output)
        try site.write("content/about.md", page("About", weight: 2, "[gone](missing.md)\n"))
        let failed = try build(site)
        #expect(!failed.succeeded)
        #expect(FixtureSite.snapshot(of: site.output) == before)
        #expect(try build(site).succeeded == false, "the same sources fail again, not 'up to date'")
        try site.write("content/about.md", page("About", weight: 2, "Fixed.\n"))
        let fixed = try build(site)
        #expect(fixed.succeeded)
        #expect(rendered(fixed) == ["about/index.html"])
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))
    }
}

import Foundation
@testable import PlaybookBuild
import PlaybookModel
import PlaybookStemmer
import PlaybookTesting
import Testing

/// An edit of a few pages' bodies built from the cache (`CachedEdit`) writes, byte for byte,
/// the output folder, the diagnostics and the cache a build without the cache writes; edits
/// that reach further take the general path.
@Suite struct CachedEditTests {
    static func files() throws -> [String: String] {
        var files = [
            "content/_index.md": page("Home", "[a](guide/a.md#first) and the [plan](plans/acme.md)\n"),
            "content/guide/_index.md": page("Guide", weight: 1),
            "content/guide/a.md": page("A", weight: 1, "## First\n\nBody with words.\n"),
            "content/guide/b.md": page("B", weight: 2, "- [ ] task\n\n[to a](a.md#first)\n"),
            "content/about.md": page("About", weight: 2, "About us, and how we answer.\n"),
        ]
        for number in 1...30 {
            files["content/more/p\(number).md"] = page("Page \(number)", "Words of page \(number): w\(number)a w\(number)b.\n")
        }
        files["content/plans/acme.md"] = try LintBuildTests.fixture("plan/owner/pass.md")
        return files
    }

    func build(_ site: FixtureSite) throws -> BuildResult {
        var options = BuildOptions(source: site.root, output: site.output)
        options.cacheFolder = site.root + "/.playbook-cache"
        options.stemming = SnowballStemming()
        return try SiteBuilder(options: options).build()
    }

    /// A build of the same files without the cache, into a folder of its own, with its cache.
    func reference(_ site: FixtureSite) throws -> (files: [String: Data], result: BuildResult, cache: [String: Data]) {
        let folder = site.root + "/reference"
        var options = BuildOptions(source: site.root, output: folder)
        options.cacheFolder = site.root + "/.reference-cache"
        options.clean = true
        options.stemming = SnowballStemming()
        let result = try SiteBuilder(options: options).build()
        let cache = FixtureSite.snapshot(of: site.root + "/.reference-cache").filter { $0.key != "build.cache" }
        return (FixtureSite.snapshot(of: folder), result, cache)
    }

    func cache(_ site: FixtureSite) -> [String: Data] {
        FixtureSite.snapshot(of: site.root + "/.playbook-cache").filter { $0.key != "build.cache" }
    }

    @Test func bodyEditsTakeTheQuickPathAndWriteWhatACleanBuildWrites() throws {
        let site = try FixtureSite(try Self.files())
        #expect(try build(site).succeeded)
        let steps: [(String, () throws -> Void)] = [
            ("new words and a link", { try site.write("content/about.md", page("About", weight: 2, "Zebra quokka [b](guide/b.md).\n")) }),
            ("a warning", { try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nBody <b>raw</b>.\n")) }),
            ("two pages", {
                try site.write("content/more/p3.md", page("Page 3", "Only w3a now.\n"))
                try site.write("content/more/p17.md", page("Page 17", "Fresh yankee words.\n"))
            }),
            ("back as it was", { try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\nBody with words.\n")) }),
        ]
        for (name, step) in steps {
            try step()
            let result = try build(site)
            #expect(result.succeeded, "\(name)")
            #expect(result.fileTotal != nil, "\(name): the quick path")
            let reference = try reference(site)
            #expect(FixtureSite.snapshot(of: site.output) == reference.files, "\(name)")
            #expect(result.diagnostics == reference.result.diagnostics, "\(name)")
            #expect(result.fileCount == reference.result.fileCount, "\(name)")
            #expect(cache(site) == reference.cache, "\(name): the cache")
            #expect(try build(site).upToDate != nil, "\(name): the next build has nothing to do")
        }
    }

    @Test func editsThatReachOtherPagesTakeTheGeneralPath() throws {
        let site = try FixtureSite(try Self.files())
        #expect(try build(site).succeeded)
        let steps: [(String, () throws -> Void)] = [
            ("a new title", { try site.write("content/about.md", page("About us", weight: 2, "About us.\n")) }),
            ("a new anchor", { try site.write("content/guide/a.md", page("A", weight: 1, "## First\n\n## Second\n")) }),
            ("a new page", { try site.write("content/more/new.md", page("New", "New.\n")) }),
            ("a checklist", { try site.write("content/guide/b.md", page("B", weight: 2, extra: "tags: [checklist]\n", "- [ ] other\n")) }),
            ("a checklist's body", { try site.write("content/guide/b.md", page("B", weight: 2, extra: "tags: [checklist]\n", "- [ ] more\n")) }),
            ("the configuration", { try site.write("playbook.yml", "title: Other\n") }),
        ]
        for (name, step) in steps {
            try step()
            let result = try build(site)
            #expect(result.succeeded && result.fileTotal == nil, "\(name)")
            #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)).files, "\(name)")
        }
    }

    /// CI after a commit that changed one page's body: the facts from git are brought up to date
    /// with the commit, and only that page's last update changes, so the quick path takes it; a
    /// commit that touches another page too (its date shows on it) takes the general path.
    @Test(.enabled(if: GitScript.isInstalled, "git is not installed"))
    func aCommitOfOnePageTakesTheQuickPath() throws {
        let (site, git) = try GitFactsTests.scriptedSite()
        try site.write(".gitignore", "public/\n.playbook-cache/\n.reference-cache/\nreference/\n")
        try git.run("add", ".gitignore")
        try git.commit("Ignore the output", author: "Dana Reyes", date: "2026-12-04T08:00:00Z")
        #expect(try build(site).succeeded)
        try site.write("content/a.md", page("A", weight: 1, "Third, with new words.\n"))
        try git.run("commit", "-q", "-a", "-m", "Edit a", environment: GitScript.identity("Sam Okafor", "2026-12-05T09:00:00Z"))
        let edited = try build(site)
        #expect(edited.succeeded && edited.fileTotal != nil, "the quick path")
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)).files)
        #expect(String(decoding: FixtureSite.snapshot(of: site.output)["a/index.html"] ?? Data(), as: UTF8.self).contains("Sam Okafor"))
        #expect(try build(site).upToDate != nil)

        try site.write("content/a.md", page("A", weight: 1, "Fourth.\n"))
        try git.run("commit", "-q", "-a", "-m", "Edit a", environment: GitScript.identity("Lee Chen", "2026-12-06T09:00:00Z"))
        try site.write("content/moved.md", page("B", weight: 2, "Bee, edited.\n"))
        try git.run("commit", "-q", "-a", "-m", "Edit b", environment: GitScript.identity("Lee Chen", "2026-12-06T10:00:00Z"))
        try site.write("content/moved.md", page("B", weight: 2, "Bee.\n"))
        let other = try build(site)
        #expect(other.succeeded && other.fileTotal == nil, "moved.md's date changed but its bytes did not: the general path")
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)).files)
    }

    /// CI: a fresh clone (new paths, times and inodes) with the cache and the output folder
    /// restored takes the quick path for an edit made there.
    @Test func aFreshCloneWithTheCacheRestoredTakesTheQuickPath() throws {
        let files = try Self.files()
        let first = try FixtureSite(files)
        #expect(try build(first).succeeded)
        let clone = try FixtureSite(files)
        try FileManager.default.copyItem(atPath: first.root + "/.playbook-cache", toPath: clone.root + "/.playbook-cache")
        try FileManager.default.copyItem(atPath: first.output, toPath: clone.output)
        try clone.write("content/about.md", page("About", weight: 2, "Edited in the clone.\n"))
        let edited = try build(clone)
        #expect(edited.succeeded && edited.fileTotal != nil, "the quick path")
        #expect(FixtureSite.snapshot(of: clone.output) == (try reference(clone)).files)
    }

    /// The stages shown (`-v`) are those of the path that built: an edit the quick path hands
    /// over shows the general path's alone.
    @Test func aHandoverShowsTheGeneralPathsStagesOnce() throws {
        let site = try FixtureSite(try Self.files())
        #expect(try build(site).succeeded)
        final class Shown: @unchecked Sendable {
            let lock = NSLock()
            var names: [String] = []
            func add(_ name: String) { lock.withLock { names.append(name) } }
        }
        for (edit, quick) in [("Body.\n", true), ("## Second\n", false)] {
            try site.write("content/about.md", page("About", weight: 2, edit))
            let shown = Shown()
            var options = BuildOptions(source: site.root, output: site.output)
            options.cacheFolder = site.root + "/.playbook-cache"
            options.stemming = SnowballStemming()
            options.progress = { name, _ in shown.add(name) }
            let result = try SiteBuilder(options: options).build()
            #expect(result.succeeded && (result.fileTotal != nil) == quick)
            #expect(shown.names == ["cache"] + Build.stageNames + ["cache"], "\(edit)")
        }
    }

    /// A damaged `site.cache`, or a shard of an edited page, is not trusted: the general path
    /// builds, and the output is a clean build's.
    @Test func aDamagedSnapshotOrShardIsNotTrusted() throws {
        let site = try FixtureSite(try Self.files())
        #expect(try build(site).succeeded)
        let cacheFolder = site.root + "/.playbook-cache"
        for (file, edit) in [("site.cache", "Once.\n"), ("pages-\(BuildCache.shard(of: "about.md")).cache", "Twice.\n")] {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: cacheFolder + "/" + file))
            bytes[bytes.count / 2] ^= 0xFF
            try bytes.write(to: URL(fileURLWithPath: cacheFolder + "/" + file))
            try site.write("content/about.md", page("About", weight: 2, edit))
            let result = try build(site)
            #expect(result.succeeded && result.fileTotal == nil, "\(file)")
            #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)).files, "\(file)")
        }
    }

    @Test func anEditWithAnErrorLeavesTheOutputAsItWas() throws {
        let site = try FixtureSite(try Self.files())
        #expect(try build(site).succeeded)
        let before = FixtureSite.snapshot(of: site.output)
        try site.write("content/about.md", page("About", weight: 2, "[gone](missing.md)\n"))
        let failed = try build(site)
        #expect(!failed.succeeded)
        #expect(FixtureSite.snapshot(of: site.output) == before)
        try site.write("content/about.md", page("About", weight: 2, "Mended.\n"))
        #expect(try build(site).succeeded)
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)).files)
    }

    @Test func aSplicedCopyMovesTheCopiesAfterIt() throws {
        let copies = [("a.md", "AAAA"), ("b.md", "BB"), ("c.md", "CCC")]
        let old = LlmsCopies.joined(heading: "# T\n", copies: copies.map { (source: $0.0, text: $0.1) })
        let new = LlmsCopies.joined(
            heading: "# T\n", copies: [("a.md", "AAAA"), ("b.md", "B-longer"), ("c.md", "C")].map { (source: $0.0, text: $0.1) })
        let spliced = try #require(CachedEdit.splice(
            [(source: "b.md", text: "B-longer"), (source: "c.md", text: "C")], into: Array(old.text.utf8), at: old.copies))
        #expect(spliced.bytes == Array(new.text.utf8))
        #expect(spliced.copies == new.copies)
        #expect(CachedEdit.splice([(source: "z.md", text: "Z")], into: Array(old.text.utf8), at: old.copies) == nil)
    }

    @Test func anUpdateReplacesFilesInPlaceRemovesOthersAndWritesTheNewMarker() throws {
        let site = try FixtureSite(["content/_index.md": page("Home")])
        let folder = site.root + "/out"
        try FileManager.default.createDirectory(atPath: folder + "/a", withIntermediateDirectories: true)
        try site.write("out/.playbook-output", "playbook-output old")
        try site.write("out/a/keep.txt", "kept")
        try site.write("out/a/old.txt", "old")
        try site.write("out/gone.txt", "gone")
        let updates = [OutputFolder.Update(path: "a/old.txt", bytes: Array("new".utf8))]
        try OutputFolder(path: folder, source: site.root).update(writing: updates, removing: ["gone.txt"], marker: "playbook-output new")
        let files = FixtureSite.snapshot(of: folder)
        #expect(files.mapValues { String(decoding: $0, as: UTF8.self) } == [
            ".playbook-output": "playbook-output new", "a/keep.txt": "kept", "a/old.txt": "new",
        ])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.contains("updating") }
        #expect(leftovers.isEmpty)
    }
}

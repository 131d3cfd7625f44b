import Foundation
import PlaybookBuild
import PlaybookModel
import PlaybookTesting
import Testing

/// The build cache and the preview's builds keep pages' git facts true when a file is edited,
/// committed or renamed: each step's output is, byte for byte, a fresh build's.
@Suite(.enabled(if: GitScript.isInstalled, "git is not installed"))
struct GitCacheTests {
    func cachedBuild(_ site: FixtureSite) throws -> BuildResult {
        var options = BuildOptions(source: site.root, output: site.output)
        options.cacheFolder = site.root + "/.playbook-cache"
        return try SiteBuilder(options: options).build()
    }

    /// What a build of the same repository without the cache writes.
    func reference(_ site: FixtureSite) throws -> [String: Data] {
        let folder = FileManager.default.temporaryDirectory.path + "/playbook-git-reference-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try SiteBuilder(options: BuildOptions(source: site.root, output: folder)).build().succeeded)
        return FixtureSite.snapshot(of: folder)
    }

    func updated(_ site: FixtureSite, _ page: String) -> String? {
        guard let html = try? String(contentsOfFile: site.output + "/" + page, encoding: .utf8),
            let start = html.range(of: "<p class=\"updated\">"),
            let end = html.range(of: "</p>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func cachedBuildsFollowEditsCommitsAndRenames() throws {
        let (site, git) = try GitFactsTests.scriptedSite()
        #expect(try cachedBuild(site).succeeded)
        #expect(updated(site, "a/index.html") == "3 Dec 2026|2026-12-03|Lee Chen|")

        // An edit not yet committed: the page changes, its last commit does not.
        try site.write("content/a.md", page("A", weight: 1, "Third.\n"))
        #expect(try cachedBuild(site).succeeded)
        #expect(updated(site, "a/index.html") == "3 Dec 2026|2026-12-03|Lee Chen|")

        // The commit alone (no file changes): not "up to date", and the page shows the commit.
        try git.commit("Edit a again", author: "Ana Silva", date: "2026-12-05T12:00:00Z")
        let afterCommit = try cachedBuild(site)
        #expect(afterCommit.upToDate == nil)
        #expect(updated(site, "a/index.html") == "5 Dec 2026|2026-12-05|Ana Silva|")
        #expect(updated(site, "moved/index.html") == "20 Nov 2026|2026-11-20|Sam Okafor|")
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))

        // A rename, committed: the new page keeps its history.
        try git.run("mv", "content/moved.md", "content/renamed.md")
        try git.commit("Rename", author: "Lee Chen", date: "2026-12-06T08:00:00Z")
        #expect(try cachedBuild(site).succeeded)
        #expect(updated(site, "renamed/index.html") == "20 Nov 2026|2026-11-20|Sam Okafor|")
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))

        // Nothing changed: up to date.
        #expect(try cachedBuild(site).upToDate != nil)
    }

    /// A history rewritten under the cache (the commit it was read at is no longer an ancestor
    /// of HEAD) is read whole again, not brought up to date from facts that are no longer true.
    @Test func aRewrittenHistoryIsReadWholeAgain() throws {
        let (site, git) = try GitFactsTests.scriptedSite()
        #expect(try cachedBuild(site).succeeded)
        #expect(updated(site, "a/index.html") == "3 Dec 2026|2026-12-03|Lee Chen|")
        // The last commit (an edit of a) dropped, and another made in its place.
        try git.run("reset", "-q", "--hard", "HEAD~1")
        try site.write("content/moved.md", page("B", weight: 2, "Rewritten.\n"))
        try git.run("commit", "-q", "-a", "-m", "Edit b", environment: GitScript.identity("Ana Silva", "2026-12-04T10:00:00Z"))
        #expect(try cachedBuild(site).succeeded)
        #expect(updated(site, "moved/index.html") == "4 Dec 2026|2026-12-04|Ana Silva|")
        #expect(updated(site, "a/index.html") == "14 Nov 2026|2026-11-14|Dana Reyes|")
        #expect(FixtureSite.snapshot(of: site.output) == (try reference(site)))
    }

    @Test func previewBuildsSeeANewCommit() throws {
        let (site, git) = try GitFactsTests.scriptedSite()
        let session = BuildSession.preview(of: site.root)
        var result = try session.build(changed: nil)
        #expect(result.succeeded)
        #expect(text(result, "a/index.html")?.contains("3 Dec 2026|2026-12-03|Lee Chen|") == true)

        // A save the quick path handles: no commit, same facts.
        try site.write("content/a.md", page("A", weight: 1, "Saved.\n"))
        result = try session.build(changed: ["content/a.md"])
        #expect(text(result, "a/index.html")?.contains("Saved.") == true)
        #expect(text(result, "a/index.html")?.contains("3 Dec 2026|2026-12-03|Lee Chen|") == true)

        // The saved file committed, then saved again: the new commit shows.
        try git.commit("Save a", author: "Ana Silva", date: "2026-12-07T12:00:00Z")
        try site.write("content/a.md", page("A", weight: 1, "Saved twice.\n"))
        result = try session.build(changed: ["content/a.md"])
        #expect(text(result, "a/index.html")?.contains("7 Dec 2026|2026-12-07|Ana Silva|") == true)
        #expect(text(result, "moved/index.html")?.contains("20 Nov 2026|2026-11-20|Sam Okafor|") == true)
    }

    func text(_ result: BuildResult, _ path: String) -> String? { FixtureSite.text(result, path) }
}

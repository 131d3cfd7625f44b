import Foundation
@testable import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookTesting
import Testing

/// Pages' last update from git: one `git log` over a scripted repository (fixed authors and
/// dates, a rename, an edit, a shallow clone), and no facts outside a repository.
@Suite(.enabled(if: GitScript.isInstalled, "git is not installed"))
struct GitFactsTests {
    /// A page template that prints every `page.lastUpdated` value.
    static let templates = [
        "templates/page.mustache":
            "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{#page.lastUpdated}}<p class=\"updated\">"
            + "{{date}}|{{iso}}|{{author}}|{{historyURL}}</p>{{/page.lastUpdated}}{{/main}}{{/base}}"
    ]

    /// A site in a new repository: a.md by Dana on 2026-11-14, b.md by Sam on 2026-11-20, then
    /// b.md moved (unchanged) to moved.md by Lee on 2026-12-01, then a.md edited by Lee on 2026-12-03.
    static func scriptedSite(repository: String? = nil) throws -> (FixtureSite, GitScript) {
        var files = templates
        files["content/_index.md"] = page("Home")
        files["content/a.md"] = page("A", weight: 1, "First.\n")
        files["content/b.md"] = page("B", weight: 2, "Bee.\n")
        files["playbook.yml"] = "title: Test\n" + (repository.map { "repository: \($0)\n" } ?? "")
        let site = try FixtureSite(files)
        let git = GitScript(folder: site.root)
        try git.run("init", "-q", "-b", "main")
        try git.run("add", "playbook.yml", "templates", "content/_index.md", "content/a.md")
        try git.commit("Add a", author: "Dana Reyes", date: "2026-11-14T22:30:00Z")
        try git.run("add", "content/b.md")
        try git.commit("Add b", author: "Sam Okafor", date: "2026-11-20T09:00:00Z")
        try git.run("mv", "content/b.md", "content/moved.md")
        try git.commit("Move b", author: "Lee Chen", date: "2026-12-01T10:00:00Z")
        try site.write("content/a.md", page("A", weight: 1, "Second.\n"))
        try git.run("commit", "-q", "-a", "-m", "Edit a", environment: GitScript.identity("Lee Chen", "2026-12-03T23:59:59+05:00"))
        return (site, git)
    }

    func updatedLine(_ result: BuildResult, _ path: String) -> String? {
        guard let html = FixtureSite.text(result, path), let start = html.range(of: "<p class=\"updated\">"),
            let end = html.range(of: "</p>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func factsFollowCommitsAndRenames() throws {
        let (site, _) = try Self.scriptedSite(repository: "https://github.com/example/handbook")
        let result = try site.build(write: false)
        #expect(result.succeeded)
        #expect(result.gitNote == nil)
        // The edit's commit date is 2026-12-03 18:59:59 UTC: the day in UTC, not the committer's zone.
        #expect(
            updatedLine(result, "a/index.html")
                == "3 Dec 2026|2026-12-03|Lee Chen|https://github.com/example/handbook/commits/main/content/a.md")
        // A pure move is not an update: moved.md keeps the date and author of b.md's last change.
        #expect(
            updatedLine(result, "moved/index.html")
                == "20 Nov 2026|2026-11-20|Sam Okafor|https://github.com/example/handbook/commits/main/content/moved.md")
    }

    /// The shipped templates show the last update at the page's foot, linked to the file's history.
    @Test func theShippedTemplatesShowTheLastUpdateAtThePagesFoot() throws {
        let (site, _) = try Self.scriptedSite(repository: "https://github.com/example/handbook")
        for (path, text) in try LintBuildTests.shippedTemplates() { try site.write(path, text) }
        let html = try #require(FixtureSite.text(try site.build(write: false), "a/index.html"))
        #expect(html.contains(
            "<p class=\"page-facts\"><span class=\"last-updated\">Last updated <a href=\"https://github.com/example/handbook/commits/main/content/a.md\">"
                + "<time datetime=\"2026-12-03\">3 Dec 2026</time></a> by Lee Chen</span></p>"))
    }

    @Test func parserMapsRenamesToCurrentNamesNewestFirst() {
        func field(_ text: String) -> [UInt8] { Array(text.utf8) + [0] }
        var log: [UInt8] = []
        log += field("\u{1}c3 1796947200 Lee Chen") + field("\nM") + field("content/new.md")
        log += field("\u{1}c2 1796860800 Sam") + field("\nR085") + field("content/old.md") + field("content/new.md")
        log += field("\u{1}c1 1796774400 Dana Reyes") + field("\nA") + field("content/old.md") + field("A")
            + field("content/gone.md")
        let facts = GitHistory.parse(log: log)
        #expect(facts["new.md"]?.commit == "c3")
        #expect(facts["new.md"]?.date.description == "2026-12-11")
        #expect(facts["old.md"] == nil)
        #expect(facts["gone.md"]?.author == "Dana Reyes")
    }

    /// The commits since the last build's, applied to that build's facts: a file they changed
    /// has its newest commit, any other keeps its fact under the name it has now.
    @Test func newCommitsUpdateOlderFacts() {
        func field(_ text: String) -> [UInt8] { Array(text.utf8) + [0] }
        let c1 = GitFact(date: PlanDate(dayNumber: 20_000), author: "Dana Reyes", commit: "c1")
        let older = ["a.md": c1, "old.md": c1, "kept.md": c1, "gone.md": c1]
        var log: [UInt8] = []
        log += field("\u{1}c3 1796947200 Lee Chen") + field("\nR100") + field("content/old.md") + field("content/new.md")
        log += field("\u{1}c2 1796860800 Sam") + field("\nM") + field("content/a.md") + field("D")
            + field("content/gone.md")
        let facts = LogSummary(log: log).applied(to: older)
        #expect(facts["a.md"]?.commit == "c2")
        #expect(facts["new.md"]?.commit == "c1")  // a pure rename is not a change
        #expect(facts["old.md"] == nil)
        #expect(facts["kept.md"]?.commit == "c1")
        #expect(facts["gone.md"]?.commit == "c2")
    }

    @Test func aShallowCloneWarnsOnceAndShowsNoDates() throws {
        let (site, _) = try Self.scriptedSite()
        let clone = FileManager.default.temporaryDirectory.path + "/playbook-shallow-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: clone) }
        try GitScript(folder: FileManager.default.temporaryDirectory.path).run(
            "clone", "-q", "--depth", "1", "file://" + site.root, clone)
        var options = BuildOptions(source: clone, output: nil)
        options.searchIndex = false
        let result = try SiteBuilder(options: options).build()
        let warnings = result.diagnostics.filter { $0.code == "git/shallow" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.hint?.contains("fetch-depth: 0") == true)
        #expect(result.gitNote?.contains("shallow") == true)
        #expect(updatedLine(result, "a/index.html") == nil)
        #expect(FixtureSite.text(result, "a/index.html")?.contains("<h1>A</h1>") == true)
    }

    @Test func outsideARepositoryThereAreNoFactsAndTheNoteSaysWhy() throws {
        var files = Self.templates
        files["content/a.md"] = page("A", "Body.\n")
        let site = try FixtureSite(files)
        let result = try site.build(write: false)
        #expect(result.succeeded)
        #expect(result.diagnostics.isEmpty)
        #expect(result.gitNote?.contains("not a git repository") == true)
        #expect(updatedLine(result, "a/index.html") == nil)
    }

    @Test func turnedOffThereAreNoFacts() throws {
        let (site, _) = try Self.scriptedSite()
        var options = BuildOptions(source: site.root, output: nil)
        options.git = false
        let result = try SiteBuilder(options: options).build()
        #expect(result.gitNote == "git history is turned off")
        #expect(updatedLine(result, "a/index.html") == nil)
    }

    @Test func theSameRepositoryGivesByteIdenticalOutput() throws {
        let (site, _) = try Self.scriptedSite(repository: "https://github.com/example/handbook")
        let first = FileManager.default.temporaryDirectory.path + "/playbook-git-out-" + UUID().uuidString
        let second = first + "-again"
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        #expect(try site.build(output: first).succeeded)
        #expect(try site.build(output: second).succeeded)
        let a = FixtureSite.snapshot(of: first)
        #expect(!a.isEmpty)
        #expect(a == FixtureSite.snapshot(of: second))
    }
}

/// Runs git in a folder with fixed names and dates, for scripted repositories.
struct GitScript {
    let folder: String

    static let isInstalled = ProcessRunner(program: "git").executable() != nil

    /// The author and committer `name`, both dated `date` (ISO 8601).
    static func identity(_ name: String, _ date: String) -> [String: String] {
        [
            "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_COMMITTER_DATE": date,
        ]
    }

    func commit(_ message: String, author: String, date: String) throws {
        try run("commit", "-q", "-a", "-m", message, environment: Self.identity(author, date))
    }

    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
        var all = Self.identity("Test", "2026-01-01T00:00:00Z").merging(environment) { $1 }
        // No system or user configuration (signing, hooks, default branch) changes the script.
        all["GIT_CONFIG_NOSYSTEM"] = "1"
        all["GIT_CONFIG_GLOBAL"] = "/dev/null"
        switch ProcessRunner(program: "git", environment: all).run(["-C", folder] + arguments) {
        case .success(let output): return output.text
        case .failure(let failure): throw failure
        }
    }
}

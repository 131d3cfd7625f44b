import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookTesting
import Testing

/// A ```lint fence puts on the page what `playbook lint` prints for a plan kept in the site's
/// `examples/` folder; a bad path is an error at the fence; and a change to that folder renders
/// the page again in every kind of incremental build.
@Suite struct LintFenceTests {
    static let failing = "examples/plans/acme-before.md"

    func site(_ body: String, extra: [String: String] = [:]) throws -> FixtureSite {
        var files: [String: String] = [
            "content/_index.md": page("Home"),
            "content/story.md": page("Story", "Before the fix:\n\n" + body + "\nAfter.\n"),
            Self.failing: try LintBuildTests.fixture("plan/owner/fail.md"),
            "examples/plans/acme-after.md": try LintBuildTests.fixture("plan/owner/pass.md"),
        ]
        for (path, text) in extra { files[path] = text }
        return try FixtureSite(files)
    }

    /// What `playbook lint PATH` prints, from the site folder.
    func lintOutput(_ site: FixtureSite, _ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PlaybookBinary.path)
        process.arguments = ["lint", path]
        process.currentDirectoryURL = URL(fileURLWithPath: site.root)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theFenceShowsTheLintTextEscapedAndTheExampleIsNotPublishedNorLinted() throws {
        let site = try site("```lint \(Self.failing)\n```\n")
        let result = try site.build()
        // The example's error is on the page, not in the build: it is not a plan of the site.
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty)
        let html = try #require(FixtureSite.text(result, "story/index.html"))
        let expected = """
            examples/plans/acme-before.md:26:12: error: The Plan: task 'import-depots' is owned by 'Sam Ortis', who is not on the team [plan/owner]
                hint: did you mean 'Sam Ortiz'? · rule: /lint/plan/owner/ · The Plan: /framework/plan/
            checked 1 plan: 1 error

            """
        let escaped = expected.replacingOccurrences(of: "'", with: "&#39;")
        #expect(html.contains("<pre class=\"lint-output\"><code>\(escaped)</code></pre>"), "\(html)")
        #expect(!result.files.contains { $0.path.hasPrefix("examples") })
    }

    @Test func theFenceMatchesWhatPlaybookLintPrints() throws {
        let site = try site("```lint \(Self.failing)\n```\n\n```lint examples/plans/acme-after.md\n```\n")
        let result = try site.build()
        let html = try #require(FixtureSite.text(result, "story/index.html"))
        for path in [Self.failing, "examples/plans/acme-after.md"] {
            let printed = try lintOutput(site, path)
            #expect(!printed.isEmpty)
            let escaped = printed.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;")
            #expect(html.contains("<code>\(escaped)</code>"), "\(path)")
        }
    }

    @Test(arguments: [
        ("```lint\n```\n", "a lint fence without a path shows the page's own plan, and this page is not a plan"),
        ("```lint a.md b.md\n```\n", "a lint fence takes one path, not 2"),
        ("```lint content/_index.md\n```\n", "the lint fence's path 'content/_index.md' is not inside the site's examples/ folder"),
        ("```lint examples/../playbook.yml\n```\n", "the lint fence's path 'examples/../playbook.yml' is not inside the site's examples/ folder"),
        ("```lint /etc/passwd\n```\n", "the lint fence's path '/etc/passwd' is not inside the site's examples/ folder"),
        ("```lint examples/plans/missing.md\n```\n", "the lint fence's plan 'examples/plans/missing.md' does not exist"),
        ("```lint examples/plans\n```\n", "the lint fence's plan 'examples/plans' does not exist"),
    ])
    func aBadPathIsAnErrorAtTheFence(body: String, message: String) throws {
        let site = try site(body)
        let result = try site.build()
        #expect(!result.succeeded)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.code == "fence/lint")
        #expect(errors.first?.message == message)
        // The fence opens on line 3 of the body, after the three lines of front matter.
        #expect(errors.first?.location.file == "content/story.md")
        #expect(errors.first?.location.line == 6)
    }

    @Test func aLinkLeadingOutOfTheExamplesFolderIsRefused() throws {
        let site = try site("```lint examples/plans/outside.md\n```\n")
        try site.write("secret.md", "---\ntype: plan\n---\n")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/examples/plans/outside.md", withDestinationPath: site.root + "/secret.md")
        let result = try site.build()
        #expect(result.diagnostics.map(\.message) == ["the lint fence's plan 'examples/plans/outside.md' leads outside the site's examples/ folder"])
    }

    @Test func anIncrementalBuildRendersThePageAgainWhenTheExampleChanges() throws {
        let site = try site("```lint \(Self.failing)\n```\n")
        let builder = BuildSession(options: BuildOptions(source: site.root, output: nil))
        let first = try builder.build(changed: nil)
        #expect(FixtureSite.text(first, "story/index.html")?.contains("checked 1 plan: 1 error") == true)
        try site.write(Self.failing, try LintBuildTests.fixture("plan/owner/pass.md"))
        let second = try builder.build(changed: [Self.failing])
        let html = try #require(FixtureSite.text(second, "story/index.html"))
        #expect(html.contains("checked 1 plan: no problems"))
        #expect(html == FixtureSite.text(try site.build(write: false), "story/index.html"))
    }

    @Test func theBuildCacheIsNotUpToDateAfterTheExampleChanges() throws {
        let site = try site("```lint \(Self.failing)\n```\n")
        var options = BuildOptions(source: site.root, output: site.output)
        options.cacheFolder = site.root + "/.playbook-cache"
        let first = try SiteBuilder(options: options).build()
        #expect(first.succeeded && first.upToDate == nil)
        #expect(try SiteBuilder(options: options).build().upToDate != nil)
        try site.write(Self.failing, try LintBuildTests.fixture("plan/owner/pass.md"))
        let third = try SiteBuilder(options: options).build()
        #expect(third.upToDate == nil)
        let html = try String(contentsOfFile: site.output + "/story/index.html", encoding: .utf8)
        #expect(html.contains("checked 1 plan: no problems"))
        #expect(!html.contains("Sam Ortis"))
    }

    @Test func withoutAPathAPlanPageShowsItsOwnPlan() throws {
        var plan = try LintBuildTests.fixture("plan/owner/pass.md")
        plan += "\nNow:\n\n```lint\n```\n"
        let site = try site("", extra: ["content/plans/acme.md": plan])
        let result = try site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let html = try #require(FixtureSite.text(result, "plans/acme/index.html"))
        #expect(html.contains("<pre class=\"lint-output\"><code>checked 1 plan: no problems\n</code></pre>"))
    }
}

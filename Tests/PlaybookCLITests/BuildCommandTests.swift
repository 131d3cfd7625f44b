import Foundation
import PlaybookTesting
import Testing

/// Runs the real `playbook` binary, as a user or CI would, and checks exit codes and output.
@Suite struct BuildCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String { PlaybookBinary.path }

    func run(_ arguments: [String]) throws -> Run {
        let run = try PlaybookBinary.run(arguments)
        #expect(run.exited, "the tool was killed by a signal")
        return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    @Test func successfulBuildExitsZero() throws {
        let site = try FixtureSite(["content/_index.md": page("Home"), "content/a.md": page("A")])
        let result = try run(["build", "--source", site.root])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("built 2 pages"))
        #expect(result.stderr.isEmpty)
    }

    @Test func contentErrorsExitOneWithPositionedMessages() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": "---\ntitle: A\nweight: [1\n---\n",
        ])
        let result = try run(["build", "--source", site.root])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("content/a.md:4:1: error: invalid YAML"))
        #expect(result.stderr.contains("build failed: 1 error, 0 warnings"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func missingTemplateExitsOne() throws {
        let site = try FixtureSite(["content/_index.md": page("Home")])
        try site.remove("templates/page.mustache")
        let result = try run(["build", "--source", site.root])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("templates/page.mustache: error: the template 'page' is missing [template/missing]"))
    }

    @Test func usageErrorsExitTwo() throws {
        let badFlag = try run(["build", "--no-such-flag"])
        #expect(badFlag.status == 2)
        #expect(badFlag.stderr.contains("Unknown option '--no-such-flag'"))
        let noContent = try run(["build", "--source", "/nonexistent-site"])
        #expect(noContent.status == 2)
        #expect(noContent.stderr.contains("no content folder at '/nonexistent-site/content'"))
    }

    @Test func baseURLFlagOverridesTheConfig() throws {
        let site = try FixtureSite(["playbook.yml": "base-url: /a/\n", "content/_index.md": page("Home")])
        let result = try run(["build", "--source", site.root, "--base-url", "/handbook/"])
        #expect(result.status == 0)
        let html = try String(contentsOfFile: site.output + "/index.html", encoding: .utf8)
        #expect(html.contains("href=\"/handbook/assets/style.css\""))
    }
}

@Suite struct CheckFlagTests {
    @Test func checkBuildsWithoutWriting() throws {
        let site = try FixtureSite(["content/_index.md": page("Home"), "content/a.md": page("A")])
        let ok = try BuildCommandTests().run(["build", "--check", "--source", site.root])
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("checked 2 pages"))
        #expect(!FileManager.default.fileExists(atPath: site.output))
        try site.write("content/a.md", page("A", "[x](missing.md)\n"))
        let failed = try BuildCommandTests().run(["build", "--check", "--source", site.root])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("[link/broken]"))
        #expect(failed.stderr.contains("check failed: 1 error"))
    }
}

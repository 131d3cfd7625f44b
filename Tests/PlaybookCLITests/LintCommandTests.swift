import Foundation
import PlaybookTesting
import Testing

/// Runs the real `playbook lint`, as CI would: exit codes 0/1/2, output formats, and bad input
/// that gives findings rather than a crash.
@Suite struct LintCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PlaybookLintTests/Fixtures")

    static func fixture(_ relative: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(relative), encoding: .utf8)
    }

    static var binary: String { PlaybookBinary.path }

    func run(_ arguments: [String], in folder: String? = nil) throws -> Run {
        let run = try PlaybookBinary.run(arguments, in: folder)
        #expect(run.exited, "the tool was killed by a signal")
        return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    /// A site with one clean plan, one plan with a warning only, and an ordinary page.
    func site(_ extra: [String: String] = [:]) throws -> FixtureSite {
        var files = [
            "content/_index.md": page("Home"),
            "content/plans/clean.md": try Self.fixture("framework/steps/pass.md"),
            "content/notes.md": page("Notes"),
        ]
        for (path, text) in extra { files[path] = text }
        return try FixtureSite(files)
    }

    @Test func cleanPlansExitZero() throws {
        let site = try site()
        let result = try run(["lint", "--source", site.root])
        #expect(result.status == 0)
        #expect(result.stdout == "checked 1 plan and 2 pages: no problems\n")
        #expect(result.stderr.isEmpty)
    }

    /// `--since` is a page check: with `--only plans` it would find nothing, so the run is refused
    /// rather than silently skipping it.
    @Test func sinceWithOnlyPlansIsAUsageError() throws {
        let site = try site()
        let result = try run(["lint", "--source", site.root, "--only", "plans", "--since", "HEAD"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'--since' checks pages that moved, which '--only plans' leaves out"))
        #expect(result.stdout.isEmpty)
    }

    @Test func errorsExitOneWithPositionedFindings() throws {
        let site = try site(["content/plans/broken.md": try Self.fixture("plan/owner/fail.md")])
        let result = try run(["lint", "--source", site.root])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix(
            "content/plans/broken.md:26:12: error: The Plan: task 'import-depots' is owned by 'Sam Ortis', who is not on the team [plan/owner]\n    hint: did you mean 'Sam Ortiz'?"))
        #expect(result.stdout.hasSuffix("checked 2 plans and 2 pages: 1 error\n"))
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let site = try site(["content/plans/late.md": try Self.fixture("plan/buffer/fail.md")])
        #expect(try run(["lint", "--source", site.root]).status == 0)
        let strict = try run(["lint", "--strict", "--source", site.root])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("warning: The Plan: the last task, 'go-live', is due 2026-03-18"))
    }

    @Test func pathsAreLintedRelativeToTheWorkingFolder() throws {
        let site = try site(["content/plans/broken.md": try Self.fixture("plan/owner/fail.md")])
        let result = try run(["lint", "--only", "plans", "content/plans/clean.md", "content/notes.md"], in: site.root)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("content/notes.md: note: this page is not an engagement plan"))
        let folder = try run(["lint", "content/plans"], in: site.root)
        #expect(folder.status == 1)
        #expect(folder.stdout.hasPrefix("content/plans/broken.md:26:12: error:"))
    }

    @Test func usageProblemsExitTwo() throws {
        let site = try site()
        let badFlag = try run(["lint", "--no-such-flag"])
        #expect(badFlag.status == 2)
        let badFormat = try run(["lint", "--format", "xml", "--source", site.root])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("xml"))
        let missing = try run(["lint", "content/plans/clean.md", "no-such-plan.md"], in: site.root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-plan.md: error: no such file or folder [usage]"))
        #expect(missing.stdout == "checked 1 plan: no problems\n")
        let noContent = try run(["lint", "--source", "/nonexistent-site"])
        #expect(noContent.status == 2)
        #expect(noContent.stderr.contains("no content folder at '/nonexistent-site/content'"))
    }

    @Test func aBadConfigExitsTwoNamingItsLine() throws {
        let site = try site(["playbook.yml": "title: Site\nlint:\n  rules:\n    plan/ownr: warning\n    plan/due: loud\n"])
        let result = try run(["lint", "--source", site.root])
        #expect(result.status == 2)
        #expect(result.stderr.contains("playbook.yml:4:5: error: unknown lint rule 'plan/ownr' [lint/config]\n    hint: did you mean 'plan/owner'?"))
        #expect(result.stderr.contains("playbook.yml:5:15: error: the severity of 'plan/due' must be off, warning or error, not 'loud' [lint/config]"))
        #expect(result.stdout.isEmpty)
    }

    @Test func theConfigSetsSeverities() throws {
        let site = try site([
            "playbook.yml": "lint:\n  rules:\n    plan/owner: warning\n",
            "content/plans/broken.md": try Self.fixture("plan/owner/fail.md"),
        ])
        let result = try run(["lint", "--source", site.root])
        #expect(result.status == 0)
        #expect(result.stdout.contains("warning: The Plan: task 'import-depots'"))
    }

    @Test func badFilesGiveFindingsAndTheRunGoesOn() throws {
        let site = try site(["content/plans/broken.md": try Self.fixture("plan/owner/fail.md")])
        try site.write("content/plans/binary.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0xFF, 0x0A]))
        try site.write("content/plans/latin1.md", Data("---\ntype: plan\ntitle: Caf".utf8) + Data([0xE9]) + Data("\n---\n".utf8))
        let result = try run(["lint", "--source", site.root])
        #expect(result.status == 1)
        #expect(result.stdout.contains("content/plans/binary.md:2: error: this file holds binary data (a NUL byte), not text [schema/invalid]"))
        #expect(result.stdout.contains("content/plans/latin1.md:3: error: this file is not valid UTF-8 text [schema/invalid]"))
        #expect(result.stdout.contains("content/plans/broken.md:26:12: error:"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func everyFormatIsWellFormed() throws {
        let site = try site(["content/plans/broken.md": try Self.fixture("plan/owner/fail.md")])
        for format in ["json", "sarif"] {
            let result = try run(["lint", "--format", format, "--source", site.root])
            #expect(result.status == 1)
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(format) is not JSON")
        }
        let github = try run(["lint", "--format", "github", "--source", site.root, "--base-url", "https://example.org/"])
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix(
            "::error file=content/plans/broken.md,line=26,col=12,title=plan/owner::The Plan: task 'import-depots' is owned by 'Sam Ortis', who is not on the team%0Adid you mean 'Sam Ortiz'? · rule: https://example.org/lint/plan/owner/"))
    }
}

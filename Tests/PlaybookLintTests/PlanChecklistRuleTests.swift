import PlaybookDiagnostics
import PlaybookLint
import PlaybookModel
import Testing

/// `plan/checklist` beyond its fixtures: the exact messages and hints, and silence when the
/// linter does not know the site's pages.
@Suite struct PlanChecklistRuleTests {
    static let fixture = "plan/checklist/fail.md"

    @Test func eachBadEntryIsReportedAtItsItemWithAHint() throws {
        let report = Fixtures.lint(Self.fixture, with: Fixtures.linter(for: "plan/checklist"))
        let found = report.findings.map { "\($0.location.line):\($0.location.column) \($0.diagnostic.message) | \($0.advice ?? "")" }
        #expect(found == [
            "52:5 The Plan: 'checklists/kickoff.md' names no page, so the team has no checklist to run | did you mean 'checklists/kick-off.md'?",
            "53:5 The Plan: 'guide/links.md' is the page 'Links', which is not a checklist | a checklist is a page tagged 'checklist' (tags: [checklist]); the checklists are: checklists/handoff.md, checklists/kick-off.md",
            "54:5 The Plan: 'checklists/escalation.md' names no page, so the team has no checklist to run | write the path relative to the content folder, such as 'checklists/kick-off.md'; the checklists are: checklists/handoff.md, checklists/kick-off.md",
        ])
        #expect(report.findings.first?.diagnostic.description.hasPrefix("plan/checklist/fail.md:52:5: error: ") == true)
    }

    @Test func withoutTheSitesPagesNothingIsChecked() {
        #expect(Fixtures.lint(Self.fixture, with: Linter()).findings.isEmpty)
    }

    @Test func aSiteWithoutChecklistsSaysSo() {
        let linter = Linter(catalog: PageCatalog(entries: []))
        let advice = Fixtures.lint(Self.fixture, with: linter).findings.compactMap(\.advice)
        #expect(advice.count == 4)
        #expect(advice.allSatisfy { $0.hasSuffix("the site has no checklist pages") })
    }
}

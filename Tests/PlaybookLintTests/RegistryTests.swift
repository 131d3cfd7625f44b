import Foundation
import PlaybookDiagnostics
import PlaybookLint
import PlaybookModel
import Testing

/// The registry holds exactly the rules of docs/engagement-plans.md, with their ids and
/// default severities, and each rule documents itself well enough for its generated page.
@Suite struct RegistryTests {
    /// The table of docs/engagement-plans.md, copied: ids and severities are a public interface,
    /// so changing one takes an edit here, in the registry and in the document.
    static let contract: [(String, Severity)] = [
        ("schema/invalid", .error), ("schema/unknown-key", .error), ("framework/steps", .error),
        ("engagement/accountable", .error), ("engagement/dates", .error), ("engagement/customer-on-team", .warning),
        ("promise/measurable", .error), ("promise/effort", .error), ("promise/vague", .warning),
        ("plan/ids-unique", .error), ("plan/serves", .error), ("plan/coverage", .error), ("plan/owner", .error),
        ("plan/due", .error), ("plan/buffer", .warning), ("plan/checklist", .error), ("execution/check-in", .error),
        ("execution/handoff", .error), ("execution/recovery", .error), ("outcomes/trace", .error),
        ("outcomes/timing", .warning), ("page/owner-missing", .warning), ("page/owner-unknown", .error),
        ("page/review-overdue", .warning), ("page/review-invalid", .error), ("page/moved-without-alias", .error),
    ]

    static let document = Fixtures.repository.appendingPathComponent("docs/engagement-plans.md")

    /// The rows of the document's rules table: the rows that start with a backquoted id, between
    /// the `## Rules` heading and the next level-2 heading; each row's id and default severity.
    static func documentedRules() throws -> [(id: String, severity: String)] {
        let text = try String(contentsOf: document, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "## Rules") else { return [] }
        let section = lines[(start + 1)...].prefix { !$0.hasPrefix("## ") }
        return section.compactMap { line in
            guard line.hasPrefix("| `") else { return nil }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0].hasSuffix("`") else { return nil }
            return (String(cells[0].dropFirst().dropLast()), cells[1])
        }
    }

    @Test func theRegistryMatchesTheContract() {
        #expect(LintRegistry.rules.map(\.id) == Self.contract.map(\.0))
        #expect(LintRegistry.rules.map(\.defaultSeverity) == Self.contract.map(\.1))
    }

    @Test func theDocumentListsTheRegistry() throws {
        let rows = try Self.documentedRules()
        #expect(rows.map(\.id) == LintRegistry.ruleIDs, "docs/engagement-plans.md lists other rules, or another order")
        #expect(rows.map(\.severity) == LintRegistry.rules.map(\.defaultSeverity.rawValue))
        #expect(rows.map(\.id) == Self.contract.map(\.0))
    }

    @Test(arguments: LintRegistry.ruleIDs)
    func eachRuleDocumentsItself(id: String) throws {
        let rule = try #require(LintRegistry.rule(id: id))
        #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty)
        #expect(rule.step.map { EngagementPlan.stepKeys.contains($0) } ?? true)
        #expect(rule.failingExample != rule.passingExample)
        for example in [rule.failingExample, rule.passingExample] {
            let parsed = YAMLParser.parse(example, file: "example")
            #expect((try? parsed.get())?.mapping != nil, "\(id): an example is not a YAML mapping")
        }
        #expect(LintDocs.ruleID(forPageSource: LintDocs.pageSource(for: id)) == id)
    }

    @Test(arguments: LintRegistry.ruleIDs)
    func eachRuleEnforcesAPageOfThePlaybook(id: String) throws {
        let rule = try #require(LintRegistry.rule(id: id))
        let parts = rule.enforces.split(separator: "#", maxSplits: 1).map(String.init)
        let file = Fixtures.repository.appendingPathComponent("content").appendingPathComponent(parts[0])
        let text = try String(contentsOf: file, encoding: .utf8)
        if parts.count == 2 {
            // GitHub-style heading ids, as the Markdown renderer makes them.
            let slugs = text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
                String(line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
                    .filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }
                    .map { $0 == " " ? "-" : $0 })
            }
            #expect(slugs.contains(parts[1]), "\(rule.enforces) has no heading with that anchor")
        }
    }

    @Test func generatedPageSourcesRoundTrip() {
        #expect(LintDocs.path(for: "plan/owner") == "lint/plan/owner/")
        #expect(LintDocs.ruleID(forPageSource: "lint/plan/owner.md") == "plan/owner")
        #expect(LintDocs.ruleID(forPageSource: "lint/_index.md") == nil)
        #expect(LintDocs.ruleID(forPageSource: "lint/plan/nope.md") == nil)
        #expect(LintLinks(baseURL: "/handbook").rule("plan/owner") == "/handbook/lint/plan/owner/")
        #expect(LintLinks(baseURL: "https://x.org/h").page("framework/plan.md#pitfalls") == "https://x.org/h/framework/plan/#pitfalls")
        #expect(LintLinks().page("plans/_index.md") == "/plans/")
    }
}

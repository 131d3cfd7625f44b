import Foundation
import PlaybookDiagnostics
import PlaybookLint
import PlaybookModel
import Testing

/// The registry holds exactly the rules of ../shared/ENGAGEMENT-PLAN.md, with their ids and
/// default severities, and each rule documents itself well enough for its generated page.
@Suite struct RegistryTests {
    /// The contract's table, copied: ids and severities are a public interface.
    static let contract: [(String, Severity)] = [
        ("schema/invalid", .error), ("schema/unknown-key", .error), ("framework/steps", .error),
        ("engagement/accountable", .error), ("engagement/dates", .error), ("engagement/customer-on-team", .warning),
        ("promise/measurable", .error), ("promise/effort", .error), ("promise/vague", .warning),
        ("plan/ids-unique", .error), ("plan/serves", .error), ("plan/coverage", .error), ("plan/owner", .error),
        ("plan/due", .error), ("plan/buffer", .warning), ("execution/check-in", .error),
        ("execution/handoff", .error), ("execution/recovery", .error), ("outcomes/trace", .error),
        ("outcomes/timing", .warning),
    ]

    static let contractFile = Fixtures.repository.deletingLastPathComponent().appendingPathComponent("shared/ENGAGEMENT-PLAN.md")

    @Test func theRegistryMatchesTheContract() {
        #expect(LintRegistry.rules.map(\.id) == Self.contract.map(\.0))
        #expect(LintRegistry.rules.map(\.defaultSeverity) == Self.contract.map(\.1))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: contractFile.path), "needs ../shared/ENGAGEMENT-PLAN.md"))
    func theCopiedTableMatchesTheContractFile() throws {
        let text = try String(contentsOf: Self.contractFile, encoding: .utf8)
        let rows = text.split(separator: "\n").compactMap { line -> (String, String)? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0].hasPrefix("`"), cells[0].hasSuffix("`") else { return nil }
            return (String(cells[0].dropFirst().dropLast()), cells[1])
        }
        #expect(rows.map(\.0) == Self.contract.map(\.0))
        #expect(rows.map(\.1) == Self.contract.map(\.1.rawValue))
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

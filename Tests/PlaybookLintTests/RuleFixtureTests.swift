import PlaybookDiagnostics
import PlaybookLint
import PlaybookModel
import Testing

/// Every rule of the contract, proven by its fixtures: `fail.md` raises exactly that rule, at
/// exactly the positions its body lists; `pass.md` raises nothing at all.
@Suite struct RuleFixtureTests {
    @Test(arguments: LintRegistry.ruleIDs)
    func failingFixtureRaisesExactlyItsRule(rule: String) throws {
        let fixture = "\(rule)/fail.md"
        let report = Fixtures.lint(fixture, with: Fixtures.linter(for: rule))
        let expected = try Fixtures.expectedPositions(fixture)
        #expect(!expected.isEmpty, "\(fixture) lists no 'expect: LINE:COL' line")
        #expect(report.findings.map(\.ruleID).allSatisfy { $0 == rule }, "\(report.findings.map(\.diagnostic.description))")
        let positions = report.findings.map { "\($0.location.line):\($0.location.column)" }
        #expect(positions.sorted() == expected.sorted())
        let severity = try #require(LintRegistry.rule(id: rule)).defaultSeverity
        #expect(report.findings.allSatisfy { $0.severity == severity && $0.location.file == fixture })
    }

    @Test(arguments: LintRegistry.ruleIDs)
    func passingFixtureIsClean(rule: String) {
        let report = Fixtures.lint("\(rule)/pass.md", with: Fixtures.linter(for: rule))
        #expect(report.findings.map(\.diagnostic.description) == [])
        #expect(report.planCount == (rule.hasPrefix("page/") ? 0 : 1))
        #expect(report.pageCount == (rule.hasPrefix("page/") ? 1 : 0))
    }

    @Test func turningARuleOffSilencesItsFixture() {
        let linter = Linter(config: LintConfig(settings: ["plan/owner": .off]))
        #expect(Fixtures.lint("plan/owner/fail.md", with: linter).findings.isEmpty)
    }

    @Test func aSeverityFromTheConfigReplacesTheDefault() {
        let linter = Linter(config: LintConfig(settings: ["plan/owner": .warning]))
        #expect(Fixtures.lint("plan/owner/fail.md", with: linter).findings.map(\.severity) == [.warning])
    }

    @Test func limitsFromTheConfigMoveTheThresholds() {
        var limits = LintLimits()
        limits.checkIn = PlanDuration(4, .weeks)
        limits.respondWithin = PlanDuration(3, .days)
        limits.buffer = .span(PlanDuration(1, .days))
        let linter = Linter(config: LintConfig(limits: limits))
        for rule in ["execution/check-in", "execution/recovery", "plan/buffer"] {
            #expect(Fixtures.lint("\(rule)/fail.md", with: linter).findings.isEmpty, "\(rule)")
        }
        limits.buffer = .share(percent: 50)
        let strict = Linter(config: LintConfig(limits: limits))
        #expect(Fixtures.lint("plan/buffer/pass.md", with: strict).findings.map(\.ruleID) == ["plan/buffer"])
    }

    @Test func messagesNameTheStepAndHintsLinkTheRuleAndStepPages() throws {
        let finding = try #require(Fixtures.lint("plan/owner/fail.md").findings.first)
        #expect(finding.diagnostic.message == "The Plan: task 'import-depots' is owned by 'Sam Ortis', who is not on the team")
        #expect(finding.diagnostic.hint == "did you mean 'Sam Ortiz'? · rule: /lint/plan/owner/ · The Plan: /framework/plan/")
        #expect(finding.advice == "did you mean 'Sam Ortiz'?")
        #expect(finding.helpURL == "/lint/plan/owner/")
        #expect(finding.stepTitle == "The Plan")
    }

    @Test func stepTitlesComeFromTheSiteFramework() throws {
        let yaml = """
            steps:
              - {id: plan, title: Le Plan, question: "Comment ?", page: cadre/plan.md}
            """
        let (framework, _) = Framework.parse(yaml, file: "content/framework.yml")
        let linter = Linter(framework: framework, baseURL: "https://example.org/guide")
        let finding = try #require(Fixtures.lint("plan/owner/fail.md", with: linter).findings.first)
        #expect(finding.diagnostic.message.hasPrefix("Le Plan: task 'import-depots'"))
        #expect(finding.stepURL == "https://example.org/guide/cadre/plan/")
        #expect(finding.helpURL == "https://example.org/guide/lint/plan/owner/")
        // Steps the site's framework leaves out keep their standard titles.
        let promise = try #require(Fixtures.lint("promise/effort/fail.md", with: linter).findings.first)
        #expect(promise.diagnostic.message.hasPrefix("The Promise: "))
    }
}

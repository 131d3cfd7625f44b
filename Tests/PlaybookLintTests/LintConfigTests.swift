import Foundation
import PlaybookDiagnostics
import PlaybookLint
import PlaybookModel
import Testing

/// The `lint:` section of `playbook.yml`: severities, limits, fail-build, and an error at the
/// line of every unknown rule id or bad value.
@Suite struct LintConfigTests {
    static func parse(_ yaml: String) throws -> (LintConfig, [String]) {
        let root = try #require(try YAMLParser.parse(yaml, file: "playbook.yml").get())
        let (config, problems) = LintConfig.parse(root["lint"])
        return (config, problems.map(\.description))
    }

    @Test func readsSeveritiesLimitsAndFailBuild() throws {
        let (config, problems) = try Self.parse(
            """
            title: Site
            lint:
              fail-build: false
              rules:
                promise/vague: off
                plan/buffer: error
                engagement/dates: warning
              limits:
                buffer: 15%
                check-in: 1 week
                respond-within: 4 hours
            """)
        #expect(problems == [])
        #expect(config.failBuild == false)
        #expect(config.settings == ["promise/vague": .off, "plan/buffer": .error, "engagement/dates": .warning])
        #expect(config.limits == LintLimits(buffer: .share(percent: 15), checkIn: PlanDuration(1, .weeks), respondWithin: PlanDuration(4, .hours)))
        let rule = { (id: String) throws -> any LintRule in try #require(LintRegistry.rule(id: id)) }
        #expect(config.severity(of: try rule("promise/vague")) == nil)
        #expect(config.severity(of: try rule("plan/buffer")) == .error)
        #expect(config.severity(of: try rule("plan/owner")) == .error)
    }

    @Test func aBufferMayBeASpan() throws {
        let (config, problems) = try Self.parse("lint:\n  limits:\n    buffer: 2 business days\n")
        #expect(problems == [])
        #expect(config.limits.buffer == .span(PlanDuration(2, .businessDays)))
        let start = try #require(PlanDate.parse("2026-01-12"))
        let end = try #require(PlanDate.parse("2026-03-20"))
        #expect(config.limits.bufferDays(start: start, end: end) == 3)
        #expect(LintLimits().bufferDays(start: start, end: end) == 7)
        #expect(LintLimits().bufferDays(start: start, end: start.adding(days: 3)) == 1)
    }

    @Test func noLintSectionMeansDefaults() throws {
        let (config, problems) = try Self.parse("title: Site\n")
        #expect(problems == [])
        #expect(config == LintConfig())
        #expect(config.failBuild)
    }

    @Test func everyBadEntryIsAnErrorAtItsLine() throws {
        let (_, problems) = try Self.parse(
            """
            lint:
              fail-build: sometimes
              rules:
                plan/owners: error
                plan/due: fatal
                promise/vague: [off]
              limits:
                buffer: 120%
                check-in: fortnightly
                respond-within: 2 person-days
                response: 1 day
              strict: true
            """)
        #expect(
            problems == [
                "playbook.yml:2:15: error: 'lint.fail-build' must be true or false, not text [lint/config]",
                "playbook.yml:4:5: error: unknown lint rule 'plan/owners' [lint/config]\n    hint: did you mean 'plan/owner'?",
                "playbook.yml:5:15: error: the severity of 'plan/due' must be off, warning or error, not 'fatal' [lint/config]",
                "playbook.yml:6:20: error: the severity of 'promise/vague' must be off, warning or error, not a list [lint/config]",
                "playbook.yml:8:13: error: 'lint.limits.buffer' must be a share between 0% and 100% or a span of time, not '120%' [lint/config]\n    hint: such as '10%' or '1 week'",
                "playbook.yml:9:15: error: 'lint.limits.check-in' must be a span of time, not 'fortnightly' [lint/config]\n    hint: such as '2 weeks' or '1 business day'",
                "playbook.yml:10:21: error: 'lint.limits.respond-within' must be a span of time, not '2 person-days' [lint/config]\n    hint: such as '2 weeks' or '1 business day'",
                "playbook.yml:11:5: error: unknown limit 'response' in 'lint.limits' [lint/config]\n    hint: known limits: buffer, check-in, respond-within",
                "playbook.yml:12:3: error: unknown key 'strict' in 'lint' [lint/config]\n    hint: known keys: rules, limits, fail-build",
            ])
    }

    @Test func aLintSectionThatIsNotAMappingIsAnError() throws {
        let (_, problems) = try Self.parse("lint: strict\n")
        #expect(problems == ["playbook.yml:1:7: error: 'lint' must be a mapping with 'rules', 'limits' or 'fail-build', not text [lint/config]"])
    }

    @Test func rulesAndLimitsThatAreNotMappingsAreErrors() throws {
        let (_, problems) = try Self.parse("lint:\n  rules: strict\n  limits: 3\n")
        #expect(
            problems == [
                "playbook.yml:2:10: error: 'lint.rules' must map rule ids to off, warning or error, not text [lint/config]\n    hint: write one 'rule-id: off' line per rule",
                "playbook.yml:3:11: error: 'lint.limits' must be a mapping of limits, not a whole number [lint/config]\n    hint: known limits: buffer, check-in, respond-within",
            ])
    }

    @Test func aSiteWithABadConfigCannotBeLinted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "title: Site\nlint:\n  rules:\n    plan/ownr: off\n".write(
            to: folder.appendingPathComponent("playbook.yml"), atomically: true, encoding: .utf8)
        do {
            _ = try Linter.forSite(at: folder.path)
            Issue.record("expected a configuration error")
        } catch let error as DiagnosticError {
            #expect(error.isUsage)
            #expect(error.diagnostics.map(\.description) == ["playbook.yml:4:5: error: unknown lint rule 'plan/ownr' [lint/config]\n    hint: did you mean 'plan/owner'?"])
        }
    }

    @Test func theSiteBaseURLAndFrameworkReachTheLinter() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "base-url: https://example.org/handbook/\n".write(to: folder.appendingPathComponent("playbook.yml"), atomically: true, encoding: .utf8)
        try "steps:\n  - {id: plan, title: Plan B, question: How?, page: how.md}\n".write(
            to: folder.appendingPathComponent("content/framework.yml"), atomically: true, encoding: .utf8)
        let (linter, warnings) = try Linter.forSite(at: folder.path)
        #expect(warnings.isEmpty)
        #expect(linter.links.rule("plan/owner") == "https://example.org/handbook/lint/plan/owner/")
        #expect(linter.framework.step("plan")?.title == "Plan B")
        #expect(linter.framework.step("promise")?.title == "The Promise")
    }
}

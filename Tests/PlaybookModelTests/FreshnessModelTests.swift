import PlaybookDiagnostics
import PlaybookModel
import Testing

/// The page keys `owner`, `reviewed` and `review-every`, the `owners:` and `freshness:` sections
/// of `playbook.yml`, and the calendar arithmetic behind them.
@Suite struct FreshnessModelTests {
    static func metadata(_ yaml: String) throws -> (PageMetadata, [Diagnostic]) {
        let root = try YAMLParser.parse(yaml, file: "content/a.md", lineOffset: 1).get()
        return PageMetadata.read(root, file: "content/a.md")
    }

    @Test func pageKeysAreReadWithTheirKeysPositions() throws {
        let (metadata, problems) = try Self.metadata("title: A\nowner: Priya Nair\nreviewed: 2026-01-12\nreview-every: 6 months\n")
        #expect(problems.isEmpty)
        let freshness = metadata.freshness
        #expect(freshness.owner?.value == "Priya Nair")
        #expect(freshness.owner?.location == SourceLocation(file: "content/a.md", line: 3, column: 1))
        #expect(freshness.reviewed?.location.line == 4)
        #expect(freshness.reviewEvery?.location.line == 5)
        #expect(freshness.reviewedDate == PlanDate(year: 2026, month: 1, day: 12))
        #expect(freshness.reviewPeriod == ReviewPeriod(6, .months))
    }

    @Test func aListOfOwnersIsAPositionedError() throws {
        let (metadata, problems) = try Self.metadata("owner: [Priya Nair, Dana Reyes]\n")
        #expect(metadata.freshness.owner == nil)
        #expect(problems.map(\.firstLine) == ["content/a.md:2:8: error: 'owner' must be one name, not a list [field/type]"])
        #expect(problems.first?.hint?.contains("one owner") == true)
    }

    @Test func badDatesAndPeriodsAreKeptForTheLint() throws {
        let (metadata, problems) = try Self.metadata("reviewed: 12 Jan 2026\nreview-every: soon\n")
        #expect(problems.isEmpty)
        #expect(metadata.freshness.reviewed?.value == "12 Jan 2026")
        #expect(metadata.freshness.reviewedDate == nil)
        #expect(metadata.freshness.reviewPeriod == nil)
    }

    @Test func reviewPeriodsReadCalendarUnits() {
        #expect(ReviewPeriod.parse("90 days") == ReviewPeriod(90, .days))
        #expect(ReviewPeriod.parse("1 Year") == ReviewPeriod(1, .years))
        #expect(ReviewPeriod.parse("2 weeks") == ReviewPeriod(2, .weeks))
        for bad in ["soon", "0 days", "1.5 months", "6 fortnights", "months", ""] {
            #expect(ReviewPeriod.parse(bad) == nil, "\(bad)")
        }
        let day = PlanDate(year: 2026, month: 1, day: 31)!
        #expect(ReviewPeriod(1, .months).due(after: day).description == "2026-02-28")
        #expect(ReviewPeriod(1, .years).due(after: PlanDate(year: 2024, month: 2, day: 29)!).description == "2025-02-28")
        #expect(ReviewPeriod(90, .days).due(after: day).description == "2026-05-01")
        #expect(ReviewPeriod(13, .months).due(after: day).description == "2027-02-28")
    }

    @Test func ownersAndFreshnessAreRead() {
        let yaml = """
            owners:
              Priya Nair: { contact: "mailto:priya@example.org" }
              Support team: { contact: "https://chat.example.org/support" }
              Dana Reyes:
            freshness:
              review-every: 6 months
              require-owner: warning
            """
        let (config, problems) = SiteConfig.parse(yaml, file: "playbook.yml")
        #expect(problems.isEmpty)
        #expect(config.owners?.map(\.name.value) == ["Priya Nair", "Support team", "Dana Reyes"])
        #expect(config.owners?.map(\.contact) == ["mailto:priya@example.org", "https://chat.example.org/support", nil])
        #expect(config.owners?.first?.name.location.line == 2)
        #expect(config.freshness == FreshnessConfig(reviewEvery: ReviewPeriod(6, .months), requireOwner: .warning))
    }

    @Test func withoutTheSectionsNothingIsRequired() {
        let (config, _) = SiteConfig.parse("title: A\n", file: "playbook.yml")
        #expect(config.owners == nil)
        #expect(config.freshness.requireOwner == .off)
        #expect(config.freshness.reviewEvery == nil)
    }

    @Test func badValuesArePositionedErrorsWithHints() {
        let yaml = """
            owners:
              Priya Nair: { contact: "javascript:alert(1)" }
              Sam Ortiz: { email: "sam@example.org" }
            freshness:
              review-every: sometimes
              require-owner: always
              reminder: weekly
            """
        let (_, problems) = SiteConfig.parse(yaml, file: "playbook.yml")
        #expect(problems.map(\.firstLine) == [
            "playbook.yml:2:26: error: the contact of 'Priya Nair' must be a mailto:, https: or http: URL, not 'javascript:alert(1)' [config/contact]",
            "playbook.yml:3:16: warning: unknown key 'email' in the owner 'Sam Ortiz'; it is ignored [field/unknown-key]",
            "playbook.yml:5:17: error: 'freshness.review-every' must be a whole number of days, weeks, months or years, not 'sometimes' [field/value]",
            "playbook.yml:6:18: error: 'freshness.require-owner' must be one of 'off', 'warning', 'error', not 'always' [field/value]",
            "playbook.yml:7:3: warning: unknown key 'reminder' in 'freshness'; it is ignored [field/unknown-key]",
        ])
        #expect(problems.map { $0.hint != nil } == [true, true, true, false, true])
    }

    @Test func contactsAreWebOrMailURLs() {
        #expect(SiteOwner.isContact("mailto:priya@example.org"))
        #expect(SiteOwner.isContact("https://chat.example.org/support"))
        #expect(SiteOwner.isContact("HTTP://example.org"))
        for bad in ["javascript:alert(1)", "priya@example.org", "https:", "mailto:", "ftp://x.org", "https://a b"] {
            #expect(!SiteOwner.isContact(bad), "\(bad)")
        }
    }
}

extension Diagnostic {
    /// The first line of the description: position, severity, message and code, without the hint.
    var firstLine: String { String(description.split(separator: "\n")[0]) }
}

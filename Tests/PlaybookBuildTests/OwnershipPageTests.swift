import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookTesting
import Testing

/// What readers see of page ownership: the line at a page's foot, the notice on an overdue
/// page, the report link, and the generated `/owners/` page.
@Suite struct OwnershipPageTests {
    static let config = """
        title: Team book
        repository: https://github.com/acme/book
        owners:
          Priya Nair: { contact: "mailto:priya@example.org" }
          Support team: { contact: "https://chat.example.org/support" }
        freshness:
          review-every: 6 months

        """

    func build(_ files: [String: String], today: String = "2026-12-06") throws -> BuildResult {
        let site = try FixtureSite(try LintBuildTests.shippedTemplates().merging(files) { $1 })
        var options = BuildOptions(source: site.root, output: nil)
        options.today = PlanDate.parse(today)
        return try SiteBuilder(options: options).build()
    }

    var files: [String: String] {
        [
            "playbook.yml": Self.config,
            "content/_index.md": "---\ntitle: Home\nowner: Priya Nair\nreviewed: 2026-11-02\n---\nHi.\n",
            "content/refunds.md": "---\ntitle: Refunds <b>now</b>\nowner: Support team\nreviewed: 2025-09-01\n---\nHow.\n",
            "content/loose.md": "---\ntitle: Loose\n---\nNo owner.\n",
            "content/other.md": "---\ntitle: Other\nowner: Dana Reyes\nreviewed: 2026-10-01\nreview-every: 1 year\n---\nText.\n",
        ]
    }

    @Test func aPageShowsItsOwnerAndReviewAndAnOverduePageSaysSoPolitely() throws {
        let result = try build(files)
        let home = try #require(FixtureSite.text(result, "index.html"))
        #expect(home.contains("<p class=\"page-facts\">Owner: <a href=\"mailto:priya@example.org\">Priya Nair</a> · Reviewed <time datetime=\"2026-11-02\">2 Nov 2026</time> · next review <time datetime=\"2027-05-02\">May 2027</time></p>"))
        #expect(!home.contains("review-notice"))
        let refunds = try #require(FixtureSite.text(result, "refunds/index.html"))
        #expect(refunds.contains("This page has been due for review since <time datetime=\"2026-03-01\">1 Mar 2026</time>: ask <a href=\"https://chat.example.org/support\">Support team</a> whether it still holds."))
        let loose = try #require(FixtureSite.text(result, "loose/index.html"))
        #expect(!loose.contains("page-facts"))
        let other = try #require(FixtureSite.text(result, "other/index.html"))
        #expect(other.contains("Owner: Dana Reyes · Reviewed"), "an owner without a contact is named, not linked")
        #expect(other.contains("next review <time datetime=\"2027-10-01\">Oct 2027</time>"), "the page's own period")
    }

    @Test func theReportLinkOpensAPrefilledIssueOnlyWithARepository() throws {
        let result = try build(files)
        let refunds = try #require(FixtureSite.text(result, "refunds/index.html"))
        #expect(refunds.contains("<a href=\"https://github.com/acme/book/issues/new?title=Refunds%20%3Cb%3Enow%3C/b%3E&amp;body=Page:%20/refunds/%0AOwner:%20Support%20team\">Report a problem with this page</a>"))
        var without = files
        without["playbook.yml"] = Self.config.replacingOccurrences(of: "repository: https://github.com/acme/book\n", with: "")
        let plain = try #require(FixtureSite.text(try build(without), "refunds/index.html"))
        #expect(!plain.contains("Report a problem"))
    }

    @Test func theOwnersPageListsEveryOwnerWithOverdueReviewsFirst() throws {
        let result = try build(files)
        let owners = try #require(FixtureSite.text(result, "owners/index.html"))
        let order = ["Priya Nair", "Support team", "Dana Reyes", "No owner"].map { owners.range(of: ">\($0)<")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil }, "every owner, those of playbook.yml first, then the others, then no owner")
        #expect(zip(order, order.dropFirst()).allSatisfy { $0! < $1! })
        #expect(owners.contains("<tr class=\"review-overdue\"><th scope=\"row\"><a href=\"/refunds/\">Refunds &lt;b&gt;now&lt;/b&gt;</a></th>"))
        #expect(owners.contains("Overdue by 280 days"))
        #expect(owners.contains("Never reviewed"))
        #expect(result.site.pages.contains { $0.url == "/owners/" && $0.kind == .owners })
    }

    @Test func aSiteThatNamesNoOwnerHasNoOwnersPageAndTheSameDayGivesTheSameBytes() throws {
        let plain = try build(["content/_index.md": page("Home")])
        #expect(FixtureSite.text(plain, "owners/index.html") == nil)
        let first = try build(files)
        let second = try build(files)
        #expect(first.files.map { FixtureSite.text(first, $0.path) } == second.files.map { FixtureSite.text(second, $0.path) })
        let later = try build(files, today: "2026-12-07")
        #expect(FixtureSite.text(later, "owners/index.html")?.contains("Overdue by 281 days") == true)
    }
}

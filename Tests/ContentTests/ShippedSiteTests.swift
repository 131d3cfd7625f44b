import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookTesting
import Testing

/// The shipped playbook builds with no error and no warning, and every page is reachable.
@Suite struct ShippedSiteTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test func buildsCleanly() throws {
        let result = try SiteBuilder(options: BuildOptions(source: Self.repository, output: nil)).build()
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.files.count > 25)
        let home = result.files.first { $0.path == "index.html" }
        guard case .text(let html)? = home?.contents else {
            Issue.record("no index.html")
            return
        }
        for section in ["start-here", "framework", "principles", "checklists", "wording", "situations", "stories", "plans", "sources", "guide"] {
            #expect(html.contains("href=\"/\(section)/\""), "the home page's navigation misses \(section)")
        }
    }

    @Test func everyPageIsInTheNavigationOfTheHomePage() throws {
        let result = try SiteBuilder(options: BuildOptions(source: Self.repository, output: nil)).build()
        let home = try #require(SidebarReader.sidebar(result, page: "index.html"), "the home page loads no sidebar")
        // Every page but the redirects the build writes at old addresses (`aliases:`).
        let redirects = Set(result.site.pages.flatMap { $0.aliases.map(\.outputPath) })
        // And but the print page, which the header of every page links to.
        let pages = result.files.map(\.path).filter {
            $0.hasSuffix("/index.html") && !redirects.contains($0) && $0 != "print/index.html"
        }
        #expect(FixtureSite.text(result, "index.html")?.contains("<a class=\"print-link\" href=\"/print/\">") == true)
        #expect(!redirects.isEmpty, "the shipped playbook keeps an old address")
        for path in pages {
            let url = "/" + path.dropLast("index.html".count)
            #expect(home.contains("href=\"\(url)\""), "\(url) is not reachable from the navigation")
        }
    }

    /// The sidebar starts with Start here and ends with the writers' guide, after Sources (the
    /// generated owners page and lint section follow the content's own).
    @Test func theSidebarStartsWithStartHereAndEndsWithTheWritersGuide() throws {
        let result = try SiteBuilder(options: BuildOptions(source: Self.repository, output: nil)).build()
        let top = result.site.sections[0].children.compactMap { child -> String? in
            switch child {
            case .page(let index): result.site.pages[index].url
            case .section(let index): result.site.pages[result.site.sections[index].indexPage].url
            }
        }
        #expect(top.first == "/start-here/")
        #expect(Array(top.filter { $0 != "/lint/" && $0 != "/owners/" }.suffix(2)) == ["/sources/", "/guide/"])
        #expect(top.contains("/owners/"), "every shipped page has an owner, so the site lists them")
    }

    /// The guide's page on plans links the page of every lint rule the build generates, and the
    /// link checker has verified each link (the build has no error).
    @Test func theWritersGuideLinksEveryLintRulePage() throws {
        let result = try SiteBuilder(options: BuildOptions(source: Self.repository, output: nil)).build()
        #expect(result.succeeded)
        guard case .text(let html)? = result.files.first(where: { $0.path == "guide/plans/index.html" })?.contents else {
            Issue.record("no guide/plans/index.html")
            return
        }
        let rulePages = result.files.map(\.path).filter { $0.hasPrefix("lint/") && $0 != "lint/index.html" && $0.hasSuffix("/index.html") }
        #expect(rulePages.count >= 20)
        for path in rulePages {
            let url = "/" + path.dropLast("index.html".count)
            #expect(html.contains("href=\"\(url)\""), "the guide does not link \(url)")
        }
    }

    /// Every page that `playbook new` points writers at exists in the guide.
    @Test func theGuidePagesThatNewFilesLinkExist() throws {
        let result = try SiteBuilder(options: BuildOptions(source: Self.repository, output: nil)).build()
        for page in ["guide/writing-a-page/index.html", "guide/checklists/index.html", "guide/plans/index.html"] {
            #expect(result.files.contains { $0.path == page }, "\(page)")
        }
    }

    /// The quick card prints on one A4 or Letter sheet (checked by printing it with headless
    /// Chromium when it was written); this keeps it from growing past that without a new check.
    @Test func theQuickCardStaysShort() throws {
        let text = try String(contentsOfFile: Self.repository + "/content/start-here/quick-card.md", encoding: .utf8)
        let words = text.split(whereSeparator: \.isWhitespace).count
        #expect(words <= 330, "the quick card has \(words) words; check it still prints on one page, then raise the limit")
    }

    /// The "before" version of the third worked plan is kept out of content/: it is not published
    /// and `playbook lint` of the site does not see it, but the page shows its findings.
    @Test func theBeforePlanIsAFixtureOutsideContent() throws {
        let result = try SiteBuilder(options: BuildOptions(source: Self.repository, output: nil)).build()
        #expect(!result.files.contains { $0.path.contains("warehouse-rollout-before") })
        guard case .text(let html)? = result.files.first(where: { $0.path == "plans/warehouse-rollout/index.html" })?.contents else {
            Issue.record("no warehouse roll-out page")
            return
        }
        #expect(html.contains("examples/plans/warehouse-rollout-before.md:"))
        #expect(html.contains("[plan/serves]"))
        #expect(html.contains("checked 1 plan: no problems"))
    }
}

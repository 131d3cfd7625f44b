import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookTesting
import Testing

/// A handbook written for GitHub builds as it is: nothing renamed, no front matter added.
@Suite struct ForeignHandbookTests {
    private func site(links policy: String) throws -> FixtureSite {
        let site = try FixtureSite(ForeignHandbook.files(links: policy))
        for (path, bytes) in ForeignHandbook.binaryFiles { try site.write(path, Data(bytes)) }
        return site
    }

    /// The diagnostics without their severity, as `ForeignHandbook.brokenLinks` lists them.
    private func findings(_ result: BuildResult, _ severity: String) -> [String] {
        result.diagnostics.map {
            $0.description.components(separatedBy: "\n")[0].replacingOccurrences(of: ": \(severity): ", with: ": ")
        }
    }

    @Test func migrationModeBuildsWithExactlyTheBrokenLinksAsWarnings() throws {
        let site = try site(links: "warn")
        let result = try site.build()
        #expect(result.succeeded)
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(findings(result, "warning") == ForeignHandbook.brokenLinks)
        let summary = try #require(BrokenLinkSummary(result.diagnostics))
        #expect(summary.headline == "4 broken links in 3 pages")
        // Slugging moves five of the eight pages away from their file names: a note says so.
        let slugs = try #require(SlugChanges(site: result.site))
        #expect(slugs.changed == 5 && slugs.total == 8)
        #expect(slugs.note.hasPrefix(
            "5 of 8 page URLs differ from their file names (content/people/Straße.md is at /people/strasse/, not /people/Stra%C3%9Fe/)"),
            "\(slugs.note)")
        #expect(slugs.note.hasSuffix("set 'urls: keep' in playbook.yml to keep them"))
    }

    @Test func defaultModeFailsWithTheSameLinksAsErrors() throws {
        let site = try site(links: "error")
        let result = try site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
        #expect(findings(result, "error") == ForeignHandbook.brokenLinks)
        #expect(BrokenLinkSummary(result.diagnostics) == nil)
        #expect(SlugChanges(site: result.site) == nil, "only migration mode notes slugged URLs")
        #expect(!FileManager.default.fileExists(atPath: site.output + "/index.html"))
    }

    @Test func everyFileLandsAtASluggedURLAndFilesAreCopiedBesideTheirPage() throws {
        let result = try site(links: "warn").build()
        let pages = result.pagesInNavigation.map { "\($0.sourcePath) → \($0.url) “\($0.title)”" }
        #expect(
            pages == [
                "README.md → / “Acme Handbook”",
                "people/README.md → /people/ “People”",
                "people/Straße.md → /people/strasse/ “Straße”",
                "with-front-matter.md → /with-front-matter/ “Set In Front Matter”",
                "Team Norms/index.md → /team-norms/ “Team Norms”",
                "Team Norms/Onboarding Guide.md → /team-norms/onboarding-guide/ “Onboarding Guide”",
                "équipe/index.md → /equipe/ “Équipe”",
                "équipe/Café Crème.md → /equipe/cafe-creme/ “Café Crème”",
            ])
        let paths = Set(result.files.map(\.path))
        #expect(paths.isSuperset(of: ["team-norms/Org Chart.png", "people/Leave Policy.pdf"]))
    }

    @Test func theTitleHeadingIsNotShownTwice() throws {
        let result = try site(links: "warn").build(write: false)
        for path in ["index.html", "team-norms/index.html", "team-norms/onboarding-guide/index.html", "equipe/cafe-creme/index.html"] {
            let html = try #require(FixtureSite.text(result, path))
            #expect(html.components(separatedBy: "<h1").count == 2, "\(path) has one h1")
        }
        let guide = try #require(FixtureSite.text(result, "team-norms/onboarding-guide/index.html"))
        #expect(guide.contains("<h1 id=\"onboarding-guide\">Onboarding Guide</h1>"), "the title keeps the heading's anchor")
        let kept = try #require(FixtureSite.text(result, "with-front-matter/index.html"))
        #expect(kept.contains("<h1>Set In Front Matter</h1>"))
        #expect(kept.contains("<h1 id=\"a-heading-in-the-body\">"))
    }

    @Test func linksAsGitHubResolvesThemPointAtTheBuiltPages() throws {
        let result = try site(links: "warn").build(write: false)
        let home = try #require(FixtureSite.text(result, "index.html"))
        for href in [
            "/team-norms/", "/people/", "/team-norms/onboarding-guide/#first-week", "/equipe/",
        ] {
            #expect(home.contains("href=\"\(href)\""), "home links to \(href)")
        }
        let norms = try #require(FixtureSite.text(result, "team-norms/index.html"))
        #expect(norms.contains("src=\"/team-norms/Org%20Chart.png\""))
        #expect(norms.contains("<a href=\"/\">back home</a>"))
        #expect(norms.contains("<a href=\"/\">README too</a>"))
        #expect(norms.contains("<th align=\"left\">Norm</th>\n<th align=\"right\">Since</th>"), "the GFM table is a table")
        #expect(norms.contains("<td align=\"left\">Reply within a day</td>"))
        let guide = try #require(FixtureSite.text(result, "team-norms/onboarding-guide/index.html"))
        #expect(guide.contains("href=\"/people/Leave%20Policy.pdf\""))
        #expect(guide.contains("id=\"first-week-1\""))
        let people = try #require(FixtureSite.text(result, "people/index.html"))
        #expect(people.contains("href=\"/team-norms/\""))
        #expect(people.contains("href=\"/people/strasse/\""))
        #expect(people.contains("href=\"/equipe/cafe-creme/\""))
    }
}

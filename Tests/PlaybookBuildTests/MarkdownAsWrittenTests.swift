import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookTesting
import Testing

/// Folder pages, URL styles and links as GitHub resolves them, one behaviour per test.
@Suite struct MarkdownAsWrittenTests {
    @Test func twoPagesForOneFolderIsAnErrorNamingBoth() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/team/index.md": "# Team\n",
            "content/team/README.md": "# Team too\n",
        ])
        let result = try site.build(write: false)
        #expect(
            result.diagnostics.map(\.description) == [
                "content/team/index.md:1: error: the folder 'team' has two pages: content/team/README.md and content/team/index.md [page/duplicate-index]\n    hint: a folder's page is its _index.md, index.md or README.md: keep one, rename the other"
            ])
    }

    @Test func twoNamesThatSlugToTheSameURLAreAnErrorNamingBoth() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/Team Norms.md": "# Norms\n",
            "content/team-norms.md": "# Norms again\n",
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics.map(\.code) == ["page/duplicate-url"])
        #expect(result.diagnostics.first?.message == "content/team-norms.md and content/Team Norms.md both make the URL /team-norms/")
    }

    @Test func urlsKeepLeavesNamesAsWritten() throws {
        let site = try FixtureSite([
            "playbook.yml": "title: T\nurls: keep\n",
            "content/_index.md": page("Home", "[n](<Team Norms/Hiring.md>) ![c](<Team Norms/Org Chart.png>)\n"),
            "content/Team Norms/Hiring.md": "# Hiring\n",
            "content/Team Norms/Org Chart.png": "png",
        ])
        let result = try site.build(write: false)
        #expect(result.succeeded)
        #expect(result.pagesInNavigation.map(\.url) == ["/", "/Team%20Norms/", "/Team%20Norms/Hiring/"])
        let home = try #require(FixtureSite.text(result, "index.html"))
        #expect(home.contains("href=\"/Team%20Norms/Hiring/\""))
        #expect(home.contains("src=\"/Team%20Norms/Org%20Chart.png\""))
    }

    @Test func aWrongURLStyleIsAnErrorWithTheChoices() throws {
        let site = try FixtureSite(["playbook.yml": "urls: slugs\n", "content/_index.md": page("Home")])
        let result = try site.build(write: false)
        #expect(
            result.diagnostics.map(\.description) == [
                "playbook.yml:1:7: error: 'urls' must be one of 'slug', 'keep', not 'slugs' [field/value]\n    hint: did you mean 'slug'?"
            ])
    }

    @Test func everyFormOfLinkToAFolderOrPageResolves() throws {
        let links = [
            "[a](team)", "[b](team/)", "[c](./team/index.md)", "[d](/team/)", "[e](/team/index.md#top)",
            "[f](team/Hiring%20Guide.md)", "[g](<team/Hiring Guide.md>)", "[h](/team/hiring-guide/)",
            "[i](team/../team/./Hiring%20Guide.md#step-2)", "[j](#intro)",
        ]
        let site = try FixtureSite([
            "content/_index.md": page("Home", "## Intro\n\n" + links.joined(separator: "\n") + "\n"),
            "content/team/index.md": "# Team\n\n## Top\n",
            "content/team/Hiring Guide.md": "# Hiring\n\n## Step 2\n",
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let home = try #require(FixtureSite.text(result, "index.html"))
        let hrefs = home.components(separatedBy: "<a href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }.filter { !$0.isEmpty }
        #expect(
            Array(hrefs.suffix(links.count)) == [
                "/team/", "/team/", "/team/", "/team/", "/team/#top", "/team/hiring-guide/", "/team/hiring-guide/",
                "/team/hiring-guide/", "/team/hiring-guide/#step-2", "#intro",
            ])
    }

    @Test func aLinkInTheWrongCaseSuggestsTheLinkAsItShouldBeWritten() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/guides/Setup.md": "# Setup\n\n[g](../Docs/Guide.PDF) [f](<../Team/>) [u](../people/)\n",
            "content/docs/guide.pdf": "%PDF",
            "content/team/index.md": "# Team\n",
            // Its URL is /people/, but on GitHub the link would break: it is the folder's name in another case.
            "content/People/index.md": "# People\n",
        ])
        let result = try site.build(write: false)
        #expect(
            result.diagnostics.map(\.hint) == [
                "did you mean '../docs/guide.pdf'? The case differs from content/docs/guide.pdf, and URLs are case-sensitive",
                "did you mean '../team/'? The case differs from content/team, and URLs are case-sensitive",
                "did you mean '../People/'? The case differs from content/People, and URLs are case-sensitive",
            ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func filesBesideThePagesAreCopiedAndTheirLinksChecked() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/Team Norms/index.md": "# Norms\n\n[sheet](Head%20Count.csv) [gone](Old.csv)\n",
            "content/Team Norms/Head Count.csv": "name,count\n",
        ])
        let result = try site.build()
        #expect(result.diagnostics.map(\.code) == ["link/broken"])
        #expect(result.diagnostics.first?.location.description == "content/Team Norms/index.md:3:27")
        #expect(Set(result.files.map(\.path)).contains("team-norms/Head Count.csv"))
    }
}

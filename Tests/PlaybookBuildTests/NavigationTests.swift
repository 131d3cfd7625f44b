import Foundation
import PlaybookBuild
import PlaybookModel
import PlaybookTesting
import Testing

@Suite struct NavigationTests {
    let site: FixtureSite

    init() throws {
        site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/guide/_index.md": page("Guide", weight: 1),
            "content/guide/zeta.md": page("Zeta", weight: 1),
            "content/guide/alpha.md": page("Alpha", weight: 3),
            "content/guide/beta.md": page("Beta", weight: 2),
            "content/guide/unweighted.md": page("Aardvark"),
            "content/about.md": page("About", weight: 2),
        ])
    }

    @Test func pagesAreOrderedByWeightThenTitle() throws {
        let result = try site.build(write: false)
        #expect(result.succeeded)
        let order = result.pagesInNavigation.map(\.title)
        #expect(order == ["Home", "Guide", "Zeta", "Beta", "Alpha", "Aardvark", "About"])
        #expect(
            SidebarReader.sidebar(result, page: "guide/beta/index.html") == """
                <ul><li><a href="/guide/">Guide</a><ul><li><a href="/guide/zeta/">Zeta</a></li>\
                <li><a href="/guide/beta/">Beta</a></li><li><a href="/guide/alpha/">Alpha</a></li>\
                <li><a href="/guide/unweighted/">Aardvark</a></li></ul></li><li><a href="/about/">About</a></li></ul>
                """)
    }

    @Test func prevAndNextFollowReadingOrder() throws {
        let result = try site.build(write: false)
        let beta = try #require(FixtureSite.text(result, "guide/beta/index.html"))
        #expect(beta.contains("<a rel=\"prev\" href=\"/guide/zeta/\">Zeta</a>"))
        #expect(beta.contains("<a rel=\"next\" href=\"/guide/alpha/\">Alpha</a>"))
        let home = try #require(FixtureSite.text(result, "index.html"))
        #expect(!home.contains("rel=\"prev\""))
        let last = try #require(FixtureSite.text(result, "about/index.html"))
        #expect(!last.contains("rel=\"next\""))
    }

    @Test func breadcrumbsAndSectionListings() throws {
        let result = try site.build(write: false)
        let alpha = try #require(FixtureSite.text(result, "guide/alpha/index.html"))
        #expect(alpha.contains("<ol class=\"crumbs\"><li><a href=\"/\">Home</a></li><li><a href=\"/guide/\">Guide</a></li></ol>"))
        let guide = try #require(FixtureSite.text(result, "guide/index.html"))
        #expect(guide.contains("<ul class=\"children\"><li><a href=\"/guide/zeta/\">Zeta</a></li><li><a href=\"/guide/beta/\">Beta</a></li>"))
    }

    @Test func theContextNamesThePagesSection() throws {
        try site.write("templates/page.mustache", "{{<base}}{{$main}}<p class=\"in\">{{section.title}} {{section.url}}</p>{{/main}}{{/base}}")
        let result = try site.build(write: false)
        #expect(FixtureSite.text(result, "guide/alpha/index.html")?.contains("<p class=\"in\">Guide /guide/</p>") == true)
        #expect(FixtureSite.text(result, "about/index.html")?.contains("<p class=\"in\">Home /</p>") == true)
    }

    @Test func foldersWithoutIndexGetAGeneratedSectionPage() throws {
        try site.write("content/extra/note.md", page("Note"))
        let result = try site.build(write: false)
        #expect(result.succeeded)
        let extra = try #require(FixtureSite.text(result, "extra/index.html"))
        #expect(extra.contains("<h1>Extra</h1>"))
        #expect(extra.contains("<a href=\"/extra/note/\">Note</a>"))
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        try site.write("content/guide/draft.md", page("Draft", extra: "draft: true\n"))
        #expect(try site.build(write: false).site.pages.map(\.title).contains("Draft") == false)
        #expect(try site.build(drafts: true, write: false).site.pages.map(\.title).contains("Draft"))
    }
}

import Foundation
import PlaybookBuild
import PlaybookTesting
import Testing

@Suite struct RenderingTests {
    @Test func tocAndHeadingIds() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "## First step\n\ntext\n\n### Detail\n\n## First step\n"),
        ])
        let html = try #require(FixtureSite.text(try site.build(write: false), "a/index.html"))
        #expect(html.contains("<h2 id=\"first-step\">"))
        #expect(html.contains("<h3 id=\"detail\">"))
        #expect(html.contains("<h2 id=\"first-step-1\">"))
        #expect(
            html.contains(
                "<ul class=\"toc\"><li><a href=\"#first-step\">First step</a><ul><li><a href=\"#detail\">Detail</a></li></ul></li><li><a href=\"#first-step-1\">First step</a></li></ul>"
            ))
    }

    @Test func checklistsRenderAsCheckboxes() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/list.md": page("List", "- [ ] Book the kick-off\n- [x] Name the owner\n"),
        ])
        let html = try #require(FixtureSite.text(try site.build(write: false), "list/index.html"))
        #expect(html.contains("<input type=\"checkbox\" class=\"task-box\" id=\"task-book-the-kick-off\"> Book the kick-off"))
        #expect(html.contains("id=\"task-name-the-owner\" checked>"))
    }

    @Test func linksAreRewrittenWithTheBaseURL() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home", "## Top\n\n[plan](framework/plan.md) [top](#top)\n"),
            "content/framework/_index.md": page("Framework"),
            "content/framework/plan.md": page("Plan", "## Risks\n\n[back](../_index.md) [promise](promise.md#the-question) [section](../framework/) [img](diagram.png) [ext](https://example.org/a.md)\n"),
            "content/framework/promise.md": page("Promise", "## The question\n"),
            "content/framework/diagram.png": "PNG",
        ])
        let result = try site.build(baseURL: "/handbook/", write: false)
        #expect(result.diagnostics.isEmpty)
        let plan = try #require(FixtureSite.text(result, "framework/plan/index.html"))
        #expect(plan.contains("<a href=\"/handbook/\">back</a>"))
        #expect(plan.contains("<a href=\"/handbook/framework/promise/#the-question\">promise</a>"))
        #expect(plan.contains("<a href=\"/handbook/framework/\">section</a>"))
        #expect(plan.contains("<a href=\"/handbook/framework/diagram.png\">img</a>"))
        #expect(plan.contains("<a href=\"https://example.org/a.md\">ext</a>"))
        #expect(plan.contains("href=\"/handbook/assets/style.css\""))
        #expect(plan.contains("<a href=\"/handbook/\">Home</a>"))
        #expect(result.files.contains { $0.path == "framework/diagram.png" })
        let sitemap = try #require(FixtureSite.text(result, "sitemap.xml"))
        #expect(sitemap.contains("<loc>/handbook/framework/plan/</loc>"))
    }

    @Test func rawHTMLAndJavascriptLinksAreNeutralisedByDefault() throws {
        let body = "<script>alert('x')</script>\n\n[bad](javascript:alert(1)) <img src=x onerror=alert(1)>\n"
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/x.md": page("X <b>bold</b>", body),
        ])
        let html = try #require(FixtureSite.text(try site.build(write: false), "x/index.html"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onerror"))
        #expect(html.contains("<h1>X &lt;b&gt;bold&lt;/b&gt;</h1>"))
    }

    @Test func rawHTMLIsKeptWhenTheConfigAllowsIt() throws {
        let site = try FixtureSite([
            "playbook.yml": "markdown:\n  unsafe: true\n",
            "content/_index.md": page("Home"),
            "content/x.md": page("X", "<div class=\"callout\">Kept</div>\n"),
        ])
        let html = try #require(FixtureSite.text(try site.build(write: false), "x/index.html"))
        #expect(html.contains("<div class=\"callout\">Kept</div>"))
    }

    @Test func notFoundPageAndAssetsAreWritten() throws {
        let site = try FixtureSite(["content/_index.md": page("Home")])
        let result = try site.build()
        #expect(result.wrote)
        #expect(FileManager.default.fileExists(atPath: site.output + "/404.html"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/assets/style.css"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/sitemap.xml"))
    }
}

@Suite struct EditLinkTests {
    @Test func editLinkAppearsOnlyWithARepository() throws {
        let files = [
            "content/_index.md": page("Home"),
            "content/guide/a.md": page("A"),
            "templates/page.mustache": "{{<base}}{{$main}}{{#page.editURL}}<a class=\"edit\" href=\"{{page.editURL}}\">Edit</a>{{/page.editURL}}{{/main}}{{/base}}",
        ]
        let without = try FixtureSite(files)
        #expect(FixtureSite.text(try without.build(write: false), "guide/a/index.html")?.contains("class=\"edit\"") == false)
        var configured = files
        configured["playbook.yml"] = "repository: https://github.com/acme/handbook/\nedit-branch: trunk\n"
        let with = try FixtureSite(configured)
        let html = try #require(FixtureSite.text(try with.build(write: false), "guide/a/index.html"))
        #expect(html.contains("<a class=\"edit\" href=\"https://github.com/acme/handbook/edit/trunk/content/guide/a.md\">Edit</a>"))
    }
}

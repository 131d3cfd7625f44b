import Foundation
import PlaybookBuild
import PlaybookModel
import PlaybookTesting
import Testing

/// `/print/`: every page once, in reading order, its headings under its title, its links to the
/// book made in-page anchors; the switch that turns it off.
@Suite struct PrintPageTests {
    static let files: [String: String] = [
        "playbook.yml": "title: Team <Handbook>\nbase-url: /handbook/\nprint: true\n",
        "content/_index.md": page("Home", "Welcome. See [a](guide/a.md#first-step) and ![logo](logo.svg).\n\n## Start\n"),
        "content/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "content/guide/_index.md": page("Guide", weight: 1, "## Overview\n\nRead [B](b.md).\n"),
        "content/guide/a.md": page(
            "A <title>", weight: 1,
            "## First step\n\nSee [top](#first-step), [out](https://example.com/x) and [about](../about.md).\n\n"
                + "- [ ] Call the customer\n- [x] Send notes\n"),
        "content/guide/b.md": page("B", weight: 2, "## Overview\n\n[back](a.md)\n"),
        "content/about.md": page("About", weight: 2, "# About us\n\nText.\n"),
    ]

    func printPage(_ files: [String: String] = Self.files) throws -> String {
        let result = try FixtureSite(files).build(write: false)
        #expect(result.succeeded)
        return try #require(FixtureSite.text(result, "print/index.html"))
    }

    /// The part of the page between `<div class="print-book">` and its end.
    func book(_ html: String) throws -> Substring {
        let start = try #require(html.range(of: "<div class=\"print-book\">"))
        let end = try #require(html.range(of: "</div>\n", range: start.upperBound..<html.endIndex))
        return html[start.upperBound..<end.lowerBound]
    }

    func matches(_ pattern: String, in text: Substring) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        let string = String(text)
        return regex.matches(in: string, range: NSRange(string.startIndex..., in: string)).map {
            String(string[Range($0.range(at: 1), in: string)!])
        }
    }

    @Test func everyPageOnceInReadingOrderUnderTitlesAsDeepAsThePage() throws {
        let body = try book(try printPage())
        #expect(try matches("<section id=\"([^\"]+)\">", in: body) == ["p-home", "p-guide", "p-guide-a", "p-guide-b", "p-about"])
        #expect(body.contains("<section id=\"p-guide-a\">\n<h2>A &lt;title&gt;</h2>"))
        #expect(body.contains("<h1 class=\"print-start\">Guide</h1>"), "a top-level section starts a sheet")
        #expect(body.contains("<h3 id=\"p-guide-a--first-step\">"), "a page's headings go down with its title")
        #expect(body.contains("<h2 id=\"p-home--start\">"), "the home page's first")
        #expect(!body.contains("<h1 class=\"print-start\">Home"), "the first page starts no new sheet")
    }

    @Test func idsAreUniqueAndEveryInternalLinkIsAnAnchorOnThePage() throws {
        let body = try book(try printPage())
        let ids = try matches(" id=\"([^\"]+)\"", in: body)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("p-guide--overview") && ids.contains("p-guide-b--overview"))
        let hrefs = try matches(" href=\"([^\"]+)\"", in: body)
        for href in hrefs where !href.hasPrefix("https://") {
            #expect(href.hasPrefix("#") && ids.contains(String(href.dropFirst())), "\(href)")
        }
        #expect(hrefs.contains("#p-guide-a--first-step") && hrefs.contains("#p-about") && hrefs.contains("#p-guide-a"))
        #expect(hrefs.contains("https://example.com/x"))
        #expect(body.contains("src=\"/handbook/logo.svg\""), "images keep their URL")
        #expect(body.contains("id=\"task-p-guide-a--call-the-customer\""))
    }

    @Test func theHeaderLinksToItAndPrintFalseLeavesItOut() throws {
        var files = Self.files
        // As the shipped base template links to it.
        files["templates/base.mustache"] =
            "<body>{{#site.printURL}}<a class=\"print-link\" href=\"{{site.printURL}}\">Print the playbook</a>{{/site.printURL}}"
            + "{{$main}}{{/main}}</body>"
        let html = try printPage(files)
        #expect(html.contains("<a class=\"print-link\" href=\"/handbook/print/\">Print the playbook</a>"))
        files["playbook.yml"] = "title: Handbook\nprint: false\n"
        let result = try FixtureSite(files).build(write: false)
        #expect(result.succeeded && result.diagnostics.isEmpty)
        #expect(FixtureSite.text(result, "print/index.html") == nil)
        #expect(FixtureSite.text(result, "index.html")?.contains("print-link") == false)
    }

    @Test func aContentPageAtPrintKeepsItsPlace() throws {
        var files = Self.files
        files["content/print.md"] = page("Printing", weight: 3, "How to print.\n")
        let result = try FixtureSite(files).build(write: false)
        #expect(result.diagnostics.map(\.code) == ["page/print-taken"])
        #expect(FixtureSite.text(result, "print/index.html")?.contains("How to print.") == true)
    }

    @Test func thePreviewsQuickPathMakesTheSameBytes() throws {
        let site = try FixtureSite(Self.files)
        let session = BuildSession.preview(of: site.root)
        _ = try session.build(changed: nil)
        try site.write("content/guide/b.md", page("B", weight: 2, "## Overview\n\nNew [back](a.md#first-step).\n"))
        let edited = try session.build(changed: ["content/guide/b.md"])
        #expect(edited.changedFiles?.contains("print/index.html") == true, "the quick path")
        let full = try site.build(write: false)
        #expect(FixtureSite.text(edited, "print/index.html") == FixtureSite.text(full, "print/index.html"))
        #expect(FixtureSite.text(edited, "print/index.html")?.contains("New <a href=\"#p-guide-a--first-step\">") == true)
    }
}

import Foundation
@testable import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookRender
import PlaybookTesting
import Testing

/// The document `playbook pdf` lays out: its contents follow the print page, every value from the
/// content is escaped, findings show where and which rule; images load from the built folder.
@Suite struct PDFDocumentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func templates() throws -> TemplateSet {
        let (set, problems) = TemplateSet.load(from: Self.repository.appendingPathComponent("templates").path)
        #expect(!problems.hasErrors, "\(problems)")
        return try #require(set)
    }

    @Test func theContentsFollowThePrintPageWithItsAnchorsAndDepths() throws {
        let result = try FixtureSite([
            "playbook.yml": "title: Handbook\nprint: true\n",
            "content/_index.md": page("Home", "Welcome.\n"),
            "content/guide/_index.md": page("Guide", weight: 1, "Read.\n"),
            "content/guide/a.md": page("A <b>", weight: 1, "Text.\n"),
            "content/about.md": page("About", weight: 2, "Text.\n"),
        ]).build(write: false)
        #expect(result.succeeded)
        #expect(PDFDocument.contents(of: result.site) == [
            .init(title: "Home", anchor: "p-home", level: 1), .init(title: "Guide", anchor: "p-guide", level: 1),
            .init(title: "A <b>", anchor: "p-guide-a", level: 2), .init(title: "About", anchor: "p-about", level: 1),
        ])
    }

    @Test func everyValueFromTheContentIsEscapedAndFindingsSayWhere() throws {
        var document = PDFDocument(
            language: "en", title: "Plan <script>", description: "A & B", built: try #require(PlanDate.parse("2026-06-01")),
            body: "<article class=\"page\"><p>built</p></article>")
        document.facts = [.init(label: "Customer", value: "Acme \"Ltd\"")]
        document.contents = [.init(title: "<i>Intro</i>", anchor: "p-intro", level: 1)]
        document.findings = [.error("plan/due", at: SourceLocation(file: "content/plans/x.md", line: 7, column: 3), "due <late>")]
        let html = try #require(document.html(templates: try templates()))
        #expect(html.contains("<h1 class=\"pdf-title\">Plan &lt;script&gt;</h1>"))
        #expect(html.contains("<p class=\"pdf-description\">A &amp; B</p>"))
        #expect(html.contains("<dt>Customer</dt><dd>Acme &quot;Ltd&quot;</dd>"))
        #expect(html.contains("<a href=\"#p-intro\">&lt;i&gt;Intro&lt;/i&gt;</a>"))
        #expect(html.contains("<meta name=\"dcterms.created\" content=\"2026-06-01\">"))
        #expect(html.contains("Lint findings — this plan does not lint clean"))
        #expect(html.contains("<td><code>content/plans/x.md:7:3</code></td><td><code>plan/due</code></td><td><strong>error</strong>: due &lt;late&gt;</td>"))
        #expect(html.contains("<article class=\"page\"><p>built</p></article>"))
        #expect(!html.contains("<script>"))
    }

    @Test func imagesLoadFromTheBuiltFolderAndLinksKeepTheSiteAddress() {
        let html = "<img src=\"/handbook/logo.png\"> <a href=\"/handbook/lint/\">x</a> <img src=\"https://e.org/a.png\">"
        #expect(PDFFiles.loadingImages(html, basePath: "/handbook/", from: "/tmp/w/site")
            == "<img src=\"/tmp/w/site/logo.png\"> <a href=\"/handbook/lint/\">x</a> <img src=\"https://e.org/a.png\">")
        #expect(PDFFiles.loadingImages("<img src=\"/a.png\"><img src=\"//cdn/b.png\">", basePath: "/", from: "/t")
            == "<img src=\"/t/a.png\"><img src=\"//cdn/b.png\">")
    }
}

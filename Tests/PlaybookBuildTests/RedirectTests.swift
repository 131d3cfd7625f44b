import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookTesting
import Testing

/// `aliases:` in front matter: a redirect page at each old address and the `_redirects` list;
/// aliases that would replace something, or leave the site, are positioned errors.
@Suite struct RedirectTests {
    func site(_ aliases: String, extra: [String: String] = [:]) throws -> FixtureSite {
        try FixtureSite([
            "content/_index.md": page("Home"),
            "content/guide/new.md": "---\ntitle: \"New <b>place</b>\"\naliases: \(aliases)\n---\nText.\n",
            "content/guide/other.md": page("Other"),
        ].merging(extra) { $1 })
    }

    @Test func eachAliasGetsARedirectPageAndALineOfRedirects() throws {
        let result = try site("[/old/place/, /older.html, \"/caf%C3%A9 menu/\", /no-slash]").build(baseURL: "/handbook/", write: false)
        #expect(result.succeeded, "\(result.diagnostics)")
        let html = try #require(FixtureSite.text(result, "old/place/index.html"))
        #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=/handbook/guide/new/\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"/handbook/guide/new/\">"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(html.contains("<a href=\"/handbook/guide/new/\">New &lt;b&gt;place&lt;/b&gt;</a>"), "a visible, escaped link")
        #expect(FixtureSite.text(result, "older.html") != nil)
        #expect(FixtureSite.text(result, "café menu/index.html") != nil, "escapes stand for the name")
        #expect(FixtureSite.text(result, "no-slash/index.html") != nil, "a path without an extension is a folder")
        #expect(FixtureSite.text(result, "_redirects") == """
            /handbook/caf%C3%A9%20menu/ /handbook/guide/new/ 301
            /handbook/no-slash/ /handbook/guide/new/ 301
            /handbook/old/place/ /handbook/guide/new/ 301
            /handbook/older.html /handbook/guide/new/ 301

            """)
        #expect(!(try #require(FixtureSite.text(result, "sitemap.xml"))).contains("old/place"), "redirects are not pages")
    }

    @Test func aSiteWithoutAliasesWritesNoRedirects() throws {
        let result = try site("[]").build(write: false)
        #expect(!result.files.contains { $0.path == "_redirects" })
    }

    @Test(arguments: [
        ("[https://evil.example/x/]", "is a URL"), ("[//evil.example/x/]", "single '/'"), ("[old/place/]", "single '/'"),
        ("[/a/../../etc/]", "'..'"), ("[/a/./b/]", "'..'"), ("[\"/a?x=1\"]", "'?'"), ("[javascript:alert(1)]", "is a URL"),
        ("[[/a/]]", "a path such as"),
    ])
    func anAliasThatIsNotAPathOfTheSiteIsAPositionedError(aliases: String, says: String) throws {
        let result = try site(aliases).build(write: false)
        let problem = try #require(result.diagnostics.first { $0.location.file == "content/guide/new.md" })
        #expect(problem.severity == .error)
        #expect(problem.location.line == 3 && problem.location.column > 1, "\(problem)")
        #expect(problem.message.contains(says), "\(problem.message)")
        #expect(!result.succeeded)
    }

    @Test func anAliasThatWouldReplaceAPageAFileOrAnotherAliasIsAnErrorNamingBoth() throws {
        let cases: [(String, [String: String], String)] = [
            ("[/guide/other/]", [:], "would replace content/guide/other.md"),
            ("[/guide/]", [:], "would replace content/guide/"),
            ("[/GUIDE/Other/]", [:], "would replace content/guide/other.md"),
            ("[/a/, /a/]", [:], "is the address of content/guide/new.md itself"),
            ("[/a/]", ["content/b.md": "---\ntitle: B\naliases: [/a/]\n---\n"], "would replace content/b.md"),
            ("[/doc.pdf.html]", ["content/doc.pdf.html": "x"], "would replace content/doc.pdf.html"),
            ("[/assets/nav/x/]", [:], "a folder the build keeps"),
        ]
        for (aliases, extra, says) in cases {
            let result = try site(aliases, extra: extra).build(write: false)
            let problems = result.diagnostics.filter { $0.code == "page/alias-collision" }
            #expect(problems.contains { $0.message.contains(says) }, "\(aliases): \(problems.map(\.message))")
            #expect(!result.succeeded, "\(aliases)")
        }
        let listed = try site("[/a/]", extra: ["content/_redirects": "/x /y 301\n"]).build(write: false)
        #expect(listed.diagnostics.contains { $0.code == "page/alias-collision" && $0.location.file == "content/_redirects" })
    }

    @Test func aliasesSurviveTheBuildCache() throws {
        let site = try site("[/old/place/]")
        var options = BuildOptions(source: site.root, output: site.output)
        options.cacheFolder = site.root + "/.playbook-cache"
        _ = try SiteBuilder(options: options).build()
        try site.write("content/guide/other.md", page("Other", "Edited.\n"))
        let second = try SiteBuilder(options: options).build()
        #expect(second.succeeded)
        #expect(FileManager.default.fileExists(atPath: site.output + "/old/place/index.html"))
        #expect((try? String(contentsOfFile: site.output + "/_redirects", encoding: .utf8))?.contains("/old/place/") == true)
    }
}

/// Broken-link help seen on a real playbook: a file moved into a folder, an anchor written
/// from the heading's text.
@Suite struct BrokenLinkHintTests {
    func hint(_ files: [String: String], in file: String) throws -> String? {
        let result = try FixtureSite(files).build(write: false)
        return result.diagnostics.first { $0.location.file == file && $0.code.hasPrefix("link/") }?.hint
    }

    @Test func aFileMovedIntoAFolderIsFoundByItsNameNearestFirst() throws {
        let files = [
            "content/_index.md": page("Home"),
            "content/nfr/privacy/README.md": page("Privacy"),
            "content/other/deep/privacy/README.md": page("Privacy elsewhere"),
            "content/nfr/checklists/a.md": page("A", "[p](../../privacy/README.md) and [q](../../../privacy/README.md) and [r](tools.md)\n"),
            "content/engineering/tools.md": page("Tools"),
        ]
        let result = try FixtureSite(files).build(write: false)
        let hints = result.diagnostics.filter { $0.location.file == "content/nfr/checklists/a.md" }.compactMap(\.hint)
        #expect(hints.contains("did you mean '../privacy/README.md'? content/nfr/privacy/README.md has that name"), "\(hints)")
        #expect(hints.contains { $0.hasPrefix("the link leads outside the content folder (did you mean '../privacy/README.md'?") }, "\(hints)")
        #expect(hints.contains("did you mean '../../engineering/tools.md'? content/engineering/tools.md has that name"), "\(hints)")
    }

    @Test func aFolderPageIsMatchedWithItsFolderName() throws {
        let hint = try hint([
            "content/_index.md": page("Home", "[x](team/README.md)\n"),
            "content/guide/README.md": page("Guide"),
        ], in: "content/_index.md")
        #expect(hint?.contains("guide/README.md") != true, "README.md alone says nothing: \(hint ?? "nil")")
    }

    @Test func anAnchorWrittenFromTheHeadingsTextNamesTheId() throws {
        let hint = try hint([
            "content/_index.md": page("Home", "[x](tools.md#Configuring_Branch_Policies)\n"),
            "content/tools.md": page("Tools", "## Configuring Branch Policies\n\nText.\n"),
        ], in: "content/_index.md")
        #expect(hint == "did you mean '#configuring-branch-policies'? That heading's anchor is 'configuring-branch-policies': lower case, punctuation dropped, spaces as hyphens")
    }

    /// A destination with a space leaves the link as text: a warning at its `[`, in the file's
    /// own lines (after the front matter), with the form that works; then, written so, the link
    /// is checked and its anchor gets the usual help.
    @Test func aLinkWithASpaceIsAWarningWithTheFixedForm() throws {
        let files = [
            "content/_index.md": page("Home", "Intro.\n\nRead [policies](tools.md#Configuring Branch Policies).\n"),
            "content/tools.md": page("Tools", "## Configuring Branch Policies\n\nText.\n"),
        ]
        let result = try FixtureSite(files).build(write: false)
        #expect(result.succeeded)
        let warning = try #require(result.diagnostics.first { $0.code == "markdown/link-with-space" })
        #expect(warning.severity == .warning)
        #expect(warning.location.file == "content/_index.md")
        #expect(warning.location.column == 6)
        #expect(warning.location.line == 6)  // three lines of front matter, then the body's third
        #expect(warning.hint == "write [policies](<tools.md#Configuring Branch Policies>) (or %20 for each space)")
        var fixed = files
        fixed["content/_index.md"] = page("Home", "Intro.\n\nRead [policies](<tools.md#Configuring Branch Policies>).\n")
        let hint = try hint(fixed, in: "content/_index.md")
        #expect(hint?.hasPrefix("did you mean '#configuring-branch-policies'?") == true, "\(hint ?? "nil")")
    }
}

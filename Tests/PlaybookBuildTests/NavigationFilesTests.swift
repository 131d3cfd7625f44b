import Foundation
@testable import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookTesting
import Testing

/// The sidebar scripts under `assets/nav/`: one per section, loaded by that section's pages
/// after the one all pages share (`index-top.js`, see `SharedSidebarTests`), giving the sidebar
/// those pages show, inert as string literals, under any base path, and rewritten (with the
/// pages that show a title) when a title changes.
@Suite struct NavigationFilesTests {
    static let files: [String: String] = [
        "content/_index.md": page("Home"),
        "content/guide/_index.md": page("Guide", weight: 1),
        "content/guide/alpha.md": page("Alpha", weight: 1),
        "content/guide/deep/_index.md": page("Deep", weight: 2),
        "content/guide/deep/inner.md": page("Inner"),
        "content/ops/_index.md": page("Ops", weight: 2),
        "content/ops/run.md": page("Run"),
        "content/about.md": page("About", weight: 3),
        // An entry that shows whether it is open.
        "templates/partials/nav-item.mustache":
            "<li{{#isActive}} class=\"open\"{{/isActive}}><a href=\"{{url}}\">{{title}}</a>"
            + "{{#hasItems}}<ul>{{#items}}{{>partials/nav-item}}{{/items}}</ul>{{/hasItems}}</li>",
    ]

    /// Every sidebar script of a build, by output path.
    func scripts(_ result: BuildResult) -> [String: String] {
        var scripts: [String: String] = [:]
        for file in result.files where file.path.hasPrefix("assets/nav/") {
            scripts[file.path] = FixtureSite.text(result, file.path)
        }
        return scripts
    }

    /// Every file of a build as text (a copied file by its source).
    func contents(_ result: BuildResult) -> [String: String] {
        var map: [String: String] = [:]
        for file in result.files {
            switch file.contents {
            case .copy(let source), .link(let source): map[file.path] = "copy of " + source
            case .text, .written: map[file.path] = FixtureSite.text(result, file.path)
            }
        }
        return map
    }

    @Test func eachSectionHasOneScriptThatItsPagesLoad() throws {
        let result = try FixtureSite(Self.files).build(write: false)
        #expect(result.succeeded)
        #expect(
            scripts(result).keys.sorted() == [
                "assets/nav/guide.js", "assets/nav/guide/deep.js", "assets/nav/index-top.js", "assets/nav/index.js",
                "assets/nav/ops.js",
            ])
        let loads: [String: String] = [
            "index.html": "index.js", "about/index.html": "index.js", "404.html": "index.js",
            "guide/index.html": "guide.js", "guide/alpha/index.html": "guide.js",
            "guide/deep/index.html": "guide/deep.js", "guide/deep/inner/index.html": "guide/deep.js",
            "ops/index.html": "ops.js", "ops/run/index.html": "ops.js",
        ]
        for (page, script) in loads {
            let html = try #require(FixtureSite.text(result, page))
            // Only the scripts, classic (neither deferred nor async): the parser waits for the sidebar.
            #expect(
                html.contains(
                    "<nav><script src=\"/assets/nav/index-top.js\"></script><script src=\"/assets/nav/\(script)\"></script></nav>"),
                "\(page)")
        }
        let deep = try #require(SidebarReader.sidebar(result, page: "guide/deep/inner/index.html"))
        #expect(
            deep == """
                <ul><li class="open"><a href="/guide/">Guide</a><ul><li><a href="/guide/alpha/">Alpha</a></li>\
                <li class="open"><a href="/guide/deep/">Deep</a><ul><li><a href="/guide/deep/inner/">Inner</a></li></ul></li>\
                </ul></li><li><a href="/ops/">Ops</a><ul><li><a href="/ops/run/">Run</a></li></ul></li>\
                <li><a href="/about/">About</a></li></ul>
                """)
        let home = try #require(SidebarReader.sidebar(result, page: "index.html"))
        #expect(!home.contains("class=\"open\""), "the home page opens no section")
        #expect(scripts(result)["assets/nav/ops.js"]?.hasPrefix("PlaybookSidebar(1, \"<li class=\\\"open\\\">") == true)
        let shared = try #require(scripts(result)["assets/nav/index-top.js"])
        #expect(shared.hasPrefix("window.PlaybookSidebar = (function (head, entries, tail) {\n"))
        #expect(shared.contains("insertAdjacentHTML(\"beforebegin\", html)"))
        #expect(shared.contains("setAttribute(\"aria-current\", \"page\")"))
    }

    @Test func theLiteralCannotEndAScriptElementOrALine() throws {
        let text = "<ul><li>a</li></ul></script><script>x()</script><!-- c -->\u{2028}\u{2029}\"\\\n\t"
        let literal = NavigationFiles.literal(text)
        #expect(!literal.contains("</") && !literal.contains("<!"))
        #expect(!literal.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\n" })
        #expect(literal.contains("<\\/script>") && literal.contains("\\u003c!--") && literal.contains("\\u2028\\u2029"))
        let decoded = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    @Test func titlesAndTemplatesWithMarkupStayInertInTheScripts() throws {
        var files = Self.files
        files["content/guide/alpha.md"] = "---\ntitle: \"A </script><script>x()</script>\"\nweight: 1\n---\n"
        files["templates/partials/nav.mustache"] = "<!-- the \u{2028}sidebar\u{2029} --><ul>{{#nav}}{{>partials/nav-item}}{{/nav}}</ul>"
        let result = try FixtureSite(files).build(write: false)
        #expect(result.succeeded)
        for (path, script) in scripts(result) {
            #expect(!script.contains("</") && !script.contains("<!"), "\(path)")
            #expect(!script.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }, "\(path)")
        }
        let sidebar = try #require(SidebarReader.sidebar(result, page: "guide/alpha/index.html"))
        #expect(sidebar.hasPrefix("<!-- the \u{2028}sidebar\u{2029} --><ul>"))
        #expect(sidebar.contains(">A &lt;/script&gt;&lt;script&gt;x()&lt;/script&gt;</a>"))
    }

    @Test func underABasePathThePagesLoadTheScriptsFromIt() throws {
        let result = try FixtureSite(Self.files).build(baseURL: "/handbook/", write: false)
        #expect(scripts(result).keys.contains("assets/nav/guide.js"))
        let alpha = try #require(FixtureSite.text(result, "guide/alpha/index.html"))
        #expect(
            alpha.contains(
                "<nav><script src=\"/handbook/assets/nav/index-top.js\"></script><script src=\"/handbook/assets/nav/guide.js\"></script></nav>"))
        let sidebar = try #require(SidebarReader.sidebar(result, page: "guide/alpha/index.html"))
        #expect(sidebar.contains("<a href=\"/handbook/guide/alpha/\">Alpha</a>"))
        #expect(!sidebar.contains("href=\"/guide/"))
    }

    @Test func sectionsWhoseNamesComeOutTheSameGetNumberedFiles() throws {
        let result = try FixtureSite([
            "playbook.yml": "title: T\nurls: keep\n",
            "content/_index.md": page("Home"),
            "content/Café/_index.md": page("Café", weight: 1),
            "content/Café/a.md": page("A"),
            "content/cafe/_index.md": page("cafe", weight: 2),
            "content/index/_index.md": page("Index", weight: 3),
            "content/☕/_index.md": page("Coffee", weight: 4),
            "content/☕/b.md": page("B"),
        ]).build(write: false)
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(
            scripts(result).keys.sorted() == [
                "assets/nav/cafe-2.js", "assets/nav/cafe.js", "assets/nav/index-2.js", "assets/nav/index-top.js",
                "assets/nav/index.js", "assets/nav/section.js",
            ])
        let used = try result.site.sections.map { section in
            try #require(SidebarReader.scriptPath(result, page: result.site.pages[section.indexPage].outputPath))
        }
        #expect(Set(used).count == result.site.sections.count, "\(used)")
        #expect(SidebarReader.scriptPath(result, page: "☕/b/index.html") == SidebarReader.scriptPath(result, page: "☕/index.html"))
    }

    @Test func contentInTheBuildsOwnFolderIsAnError() throws {
        var files = Self.files
        files["content/assets/nav/guide.js"] = "alert(1)\n"
        files["content/assets/nav.md"] = page("Nav")
        files["content/assets/logo.svg"] = "<svg/>"
        let result = try FixtureSite(files).build(write: false)
        #expect(!result.succeeded)
        let reserved = result.diagnostics.filter { $0.code == "page/reserved-url" }.map(\.location.file)
        #expect(reserved.sorted() == ["content/assets/nav.md", "content/assets/nav/guide.js"])
    }

    /// A new title shows in every sidebar, and in the pages whose breadcrumbs, pager or section
    /// list name it, which alone render again; an incremental build (preview, build cache)
    /// writes what a full one writes.
    @Test func aTitleChangeRewritesTheScriptsAndThePagesThatShowIt() throws {
        let site = try FixtureSite(Self.files)
        let session = BuildSession(options: BuildOptions(source: site.root, output: nil))
        let first = try session.build(changed: nil)
        var cached = BuildOptions(source: site.root, output: site.output)
        cached.cacheFolder = site.root + "/.playbook-cache"
        _ = try SiteBuilder(options: cached).build()

        try site.write("content/guide/deep/_index.md", page("Deeper", weight: 2))
        let preview = try session.build(changed: ["content/guide/deep/_index.md"])
        let full = try site.build(write: false)
        #expect(contents(preview) == contents(full))
        let shared = scripts(preview)["assets/nav/index-top.js"]
        #expect(shared != nil && shared != scripts(first)["assets/nav/index-top.js"])
        for (path, script) in scripts(preview) where path != "assets/nav/index-top.js" {
            let sidebar = try #require(SidebarReader.insertedHTML(script: script, shared: shared))
            #expect(sidebar.contains(">Deeper</a>") && !sidebar.contains(">Deep</a>"), "\(path)")
        }
        // Only the script of the section whose open entry names Deep changes, and the shared one.
        let rewritten = scripts(preview).filter { $0.value != scripts(first)[$0.key] }.keys.sorted()
        #expect(rewritten == ["assets/nav/guide.js", "assets/nav/guide/deep.js", "assets/nav/index-top.js"])
        let showing = ["guide/index.html", "guide/alpha/index.html", "guide/deep/inner/index.html"]
        for path in showing {
            #expect(FixtureSite.text(preview, path)?.contains(">Deeper</a>") == true, "\(path)")
        }
        let fromCache = try SiteBuilder(options: cached).build()
        #expect(fromCache.succeeded && fromCache.upToDate == nil)
        // Only the pages that name Deep render again: the others are the previous output's.
        let rendered = fromCache.files.filter { file in
            guard file.path.hasSuffix("index.html") else { return false }
            if case .link = file.contents { return false }
            return true
        }.map(\.path)
        // The print page, which shows every page, is made in every build.
        #expect(Set(rendered) == Set(showing + ["guide/deep/index.html"]))
        let reference = site.root + "/reference"
        _ = try SiteBuilder(options: BuildOptions(source: site.root, output: reference)).build()
        #expect(FixtureSite.snapshot(of: site.output) == FixtureSite.snapshot(of: reference))
        let onDisk = try ["ops", "index-top"].map { name in
            String(decoding: try #require(FileManager.default.contents(atPath: site.output + "/assets/nav/\(name).js")), as: UTF8.self)
        }
        #expect(SidebarReader.insertedHTML(script: onDisk[0], shared: onDisk[1])?.contains(">Deeper</a>") == true)
    }

    /// Each page in turn given a new title and description (the order kept by weights): the
    /// pages rendered again are enough, by templates that show every value naming another page.
    @Test func everyRetitledPageGivesWhatAFullBuildGives() throws {
        var files = Self.files
        let named = "{{#section}}<p class=\"in\">{{title}} {{description}}</p>{{/section}}"
            + "{{#prev}}<p>{{title}} {{description}}</p>{{/prev}}{{#next}}<p>{{title}} {{description}}</p>{{/next}}"
        files["templates/page.mustache"] = "{{<base}}{{$main}}<h1>{{page.title}}</h1>\(named){{/main}}{{/base}}"
        files["templates/section.mustache"] =
            "{{<base}}{{$main}}\(named)<ul>{{#children}}<li>{{title}}: {{description}}</li>{{/children}}</ul>{{/main}}{{/base}}"
        files["templates/home.mustache"] = files["templates/section.mustache"]
        let site = try FixtureSite(files)
        let session = BuildSession(options: BuildOptions(source: site.root, output: nil))
        _ = try session.build(changed: nil)
        let pages = Self.files.keys.filter { $0.hasPrefix("content/") }.sorted()
        for (number, path) in pages.enumerated() {
            let weight = Self.files[path]?.split(separator: "\n").first { $0.hasPrefix("weight: ") }.map { String($0.dropFirst(8)) }
            try site.write(path, page("Renamed \(number)", weight: weight.flatMap { Int($0) }, extra: "description: New \(number)\n"))
            let incremental = try session.build(changed: [path])
            #expect(contents(incremental) == contents(try site.build(write: false)), "after renaming \(path)")
        }
    }

    /// A body edit in the preview takes the quick path: the scripts are served as they were.
    @Test func aBodyEditLeavesTheScriptsAlone() throws {
        let site = try FixtureSite(Self.files)
        // As the preview builds: the search index is made on request, not with each save.
        let session = BuildSession.preview(of: site.root)
        let first = try session.build(changed: nil)
        try site.write("content/guide/alpha.md", page("Alpha", weight: 1, "New words.\n"))
        let edited = try session.build(changed: ["content/guide/alpha.md"])
        #expect(edited.changedFiles == ["guide/alpha/index.html", "guide/alpha/index.md", "llms-full.txt"])
        #expect(scripts(edited) == scripts(first))
        #expect(contents(edited) == contents(try site.build(write: false)).filter { !$0.key.hasPrefix("search/") })
    }
}

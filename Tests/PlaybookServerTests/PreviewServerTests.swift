import Foundation
import PlaybookBuild
import PlaybookServer
import PlaybookTesting
import Testing

/// The preview server end to end: a fixture site served on a free loopback port, edited on disk.
@Suite(.serialized) struct PreviewServerTests {
    /// Fetches `path` on a dispatch thread: the probe blocks, and the server needs the
    /// concurrency pool's threads to answer.
    func get(_ path: String, port: UInt16) async throws -> HTTPProbe.Response {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try HTTPProbe.get(path, port: port) })
            }
        }
    }

    /// Polls until `condition` holds for the page at `path`, for at most `seconds`.
    func eventually(_ path: String, port: UInt16, seconds: Double = 30, _ condition: (HTTPProbe.Response) -> Bool)
        async throws -> HTTPProbe.Response
    {
        let deadline = Date().addingTimeInterval(seconds)
        var last = try await get(path, port: port)
        while !condition(last), Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            last = try await get(path, port: port)
        }
        return last
    }

    func start(_ site: FixtureSite) async throws -> (PreviewServer, UInt16) {
        let server = PreviewServer(
            options: .init(build: BuildOptions(source: site.root), host: "127.0.0.1", port: 0), log: { _ in })
        let port = try await server.start()
        return (server, port)
    }

    @Test func editingAPageChangesTheServedHTML() async throws {
        let site = try FixtureSite(["content/_index.md": page("Home"), "content/a.md": page("A", "First version.\n")])
        let (server, port) = try await start(site)
        defer { server.stopInBackground() }
        let before = try await get("/a/", port: port)
        #expect(before.status == 200)
        #expect(before.headers["content-type"] == "text/html; charset=utf-8")
        #expect(before.body.contains("First version."))
        #expect(before.body.contains("/__playbook/wait"), "serve injects the reload script")
        try site.write("content/a.md", page("A", "Second version.\n"))
        let after = try await eventually("/a/", port: port) { $0.body.contains("Second version.") }
        #expect(after.body.contains("Second version."))
    }

    /// The search index is made on the first request after a build, and a save brings the
    /// saved words into it.
    @Test func theSearchIndexIsServedAndFollowsASave() async throws {
        let site = try FixtureSite(["content/_index.md": page("Home"), "content/a.md": page("A", "First zebra.\n")])
        let (server, port) = try await start(site)
        defer { server.stopInBackground() }
        func reader() async throws -> SearchIndexReader? {
            let manifest = try await get("/search/index.json", port: port)
            guard manifest.status == 200 else { return nil }
            var files = ["search/index.json": manifest.body]
            for name in (SearchIndexReader(files: files)?.shardNames ?? [:]).values {
                files["search/t/\(name).json"] = try await get("/search/t/\(name).json", port: port).body
            }
            return SearchIndexReader(files: files)
        }
        let before = try #require(try await reader())
        #expect(before.pages(of: "zebra").count == 1)
        #expect(before.pages(of: "okapi").isEmpty)
        try site.write("content/a.md", page("A", "Second okapi.\n"))
        _ = try await eventually("/a/", port: port) { $0.body.contains("Second okapi.") }
        let after = try #require(try await reader())
        #expect(after.pages(of: "okapi").count == 1)
        #expect(after.pages(of: "zebra").isEmpty)
        #expect(try await get("/search/t/nothing.json", port: port).status == 404)
    }

    /// A page with a ```lint fence shows the plan in examples/: saving that plan, outside content/,
    /// renders the page again.
    @Test func savingAPlanInExamplesRendersThePageThatLintsIt() async throws {
        let plan = "---\ntype: plan\ntitle: P\n---\n"
        let site = try FixtureSite([
            "content/_index.md": page("Home"), "content/a.md": page("A", "```lint examples/p.md\n```\n"),
            "examples/p.md": plan,
        ])
        let (server, port) = try await start(site)
        defer { server.stopInBackground() }
        let before = try await get("/a/", port: port)
        #expect(before.body.contains("lint-output"))
        #expect(!before.body.contains("customer: Renamed Ltd"))
        let errors = { (body: String) in body.components(separatedBy: "error:").count - 1 }
        let count = errors(before.body)
        #expect(count > 0)
        try site.write("examples/p.md", "---\ntype: plan\ntitle: P\ncustomer: Renamed Ltd\n---\n")
        let after = try await eventually("/a/", port: port) { errors($0.body) != count }
        #expect(errors(after.body) == count - 1)
    }

    @Test func aBrokenLinkShowsTheOverlayAndKeepsTheLastGoodPage() async throws {
        let site = try FixtureSite(["content/_index.md": page("Home"), "content/a.md": page("A", "Good text.\n")])
        let (server, port) = try await start(site)
        defer { server.stopInBackground() }
        try site.write("content/a.md", page("A", "Bad text with [a link](missing.md).\n"))
        let broken = try await eventually("/a/", port: port) { $0.body.contains("playbook-errors") }
        #expect(broken.body.contains("id=\"playbook-errors\""))
        #expect(broken.body.contains("content/a.md:4:15"))
        #expect(broken.body.contains("[link/broken]"))
        #expect(broken.body.contains("Good text."), "the last good build stays served")
        #expect(!broken.body.contains("Bad text"))
        try site.write("content/a.md", page("A", "Fixed text.\n"))
        let fixed = try await eventually("/a/", port: port) { $0.body.contains("Fixed text.") }
        #expect(!fixed.body.contains("playbook-errors"))
    }

    @Test func aFixInAnotherPageBringsInTheEditThatFailedBefore() async throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"), "content/a.md": page("A", "## Old\n"), "content/b.md": page("B", "Plain.\n"),
        ])
        let (server, port) = try await start(site)
        defer { server.stopInBackground() }
        try site.write("content/b.md", page("B", "Now [linking](a.md#new).\n"))
        _ = try await eventually("/b/", port: port) { $0.body.contains("playbook-errors") }
        try site.write("content/a.md", page("A", "## New\n"))
        let b = try await eventually("/b/", port: port) { $0.body.contains("linking") }
        #expect(b.body.contains("<a href=\"/a/#new\">linking</a>"), "b's edit, held back while the build failed, is served now")
        #expect(!b.body.contains("playbook-errors"))
    }

    @Test func traversalIsRefusedAndMissingPagesGetThe404Page() async throws {
        let site = try FixtureSite(["content/_index.md": page("Home"), "content/a.md": page("A")])
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/leak.txt", withDestinationPath: "/etc/hostname")
        let (server, port) = try await start(site)
        defer { server.stopInBackground() }
        for path in ["/../etc/passwd", "/%2e%2e/etc/passwd", "/a/%2E%2E/%2E%2E/etc/hostname", "/..%2f..%2fetc/passwd"] {
            let response = try await get(path, port: port)
            #expect([403, 404].contains(response.status), "\(path) gave \(response.status)")
            #expect(!response.body.contains("root:"))
        }
        let leak = try await get("/leak.txt", port: port)
        #expect(leak.status == 404, "a symlink pointing out of content/ is not served")
        let missing = try await get("/no/such/page/", port: port)
        #expect(missing.status == 404)
        #expect(missing.body.contains("<h1>Not found</h1>"))
        let folder = try await get("/a", port: port)
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/a/")
        let css = try await get("/assets/style.css", port: port)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
    }

    /// The sidebar comes from a script per section and the one all pages share: the preview
    /// serves both under the base path, and a new title shows in them once the site is built again.
    @Test func theSidebarScriptsAreServedAndFollowATitleChange() async throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"), "content/guide/_index.md": page("Guide"), "content/guide/a.md": page("A"),
        ])
        let server = PreviewServer(
            options: .init(build: BuildOptions(source: site.root, baseURL: "/handbook/"), host: "127.0.0.1", port: 0),
            log: { _ in })
        let port = try await server.start()
        defer { server.stopInBackground() }
        let html = try await get("/handbook/guide/a/", port: port)
        #expect(
            html.body.contains(
                "<nav><script src=\"/handbook/assets/nav/index-top.js\"></script><script src=\"/handbook/assets/nav/guide.js\"></script></nav>"))
        for path in ["guide.js", "index-top.js"] {
            let script = try await get("/handbook/assets/nav/" + path, port: port)
            #expect(script.status == 200)
            #expect(script.headers["content-type"]?.hasPrefix("text/javascript") == true)
            #expect(script.body.contains("<a href=\\\"/handbook/guide/a/\\\">A<\\/a>"), "\(path)")
            #expect(!script.body.contains("__playbook"), "no reload script in a script")
        }
        try site.write("content/guide/a.md", page("A renamed"))
        for path in ["guide.js", "index-top.js"] {
            let renamed = try await eventually("/handbook/assets/nav/" + path, port: port) { $0.body.contains("A renamed") }
            #expect(renamed.body.contains(">A renamed<\\/a>"), "\(path)")
        }
    }

    @Test func buildOutputNeverCarriesTheReloadScript() throws {
        let site = try FixtureSite(["content/_index.md": page("Home")])
        let result = try site.build(write: false)
        #expect(result.files.allSatisfy { file in
            if case .text(let text) = file.contents { return !text.contains("__playbook") }
            return true
        })
    }
}

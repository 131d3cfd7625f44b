import PlaybookServer
import Testing

@Suite struct RequestPathTests {
    let folders: Set<String> = ["framework", "framework/plan"]

    func resolve(_ path: String, base: String = "/") -> RequestPath.Resolution {
        RequestPath.resolve(path, basePath: base, isFolder: { folders.contains($0) })
    }

    @Test func mapsURLsToFiles() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/framework/plan/") == .file("framework/plan/index.html"))
        #expect(resolve("/assets/style.css") == .file("assets/style.css"))
        #expect(resolve("/stories/caf%C3%A9.png") == .file("stories/café.png"))
    }

    @Test func foldersWithoutSlashRedirect() {
        #expect(resolve("/framework") == .redirect("/framework/"))
        #expect(resolve("/handbook", base: "/handbook/") == .redirect("/handbook/"))
    }

    @Test(arguments: [
        "/../etc/passwd", "/%2e%2e/etc/passwd", "/framework/%2E%2E/%2e%2e/x", "/a/./b", "/a%2f..%2f..%2fx",
        "/%00", "/a\\..\\b", "/%zz", "/%c3%28",
    ])
    func traversalAndBadEncodingAreRefused(path: String) {
        #expect(resolve(path) == .refused)
    }

    @Test func pathsOutsideTheBasePathAreRefused() {
        #expect(resolve("/other/", base: "/handbook/") == .refused)
        #expect(resolve("/handbook/framework/", base: "/handbook/") == .file("framework/index.html"))
    }
}

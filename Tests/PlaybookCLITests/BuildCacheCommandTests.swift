import Foundation
import PlaybookTesting
import Testing

/// `playbook build` keeps its cache in the site folder, says when nothing changed, and
/// `--clean` or `--no-cache` build everything.
@Suite struct BuildCacheCommandTests {
    @Test func theSecondBuildSaysItIsUpToDateAndRepeatsTheWarnings() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home", extra: "colour: blue\n", "Hello.\n"),
            "content/a.md": page("A"),
        ])
        let cli = BuildCommandTests()
        let first = try cli.run(["build", "--source", site.root])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("built 2 pages"))
        #expect(FileManager.default.fileExists(atPath: site.root + "/.playbook-cache/build.cache"))

        let second = try cli.run(["build", "--source", site.root])
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("up to date: 2 pages"), "\(second.stdout)")
        #expect(second.stdout.contains("(1 warning from it)"))
        #expect(second.stderr == first.stderr, "the same warnings are printed again")

        let clean = try cli.run(["build", "--source", site.root, "--clean"])
        #expect(clean.stdout.hasPrefix("built 2 pages"))
        let uncached = try cli.run(["build", "--source", site.root, "--no-cache"])
        #expect(uncached.stdout.hasPrefix("built 2 pages"))

        try site.write("content/a.md", page("A", "Changed.\n"))
        let changed = try cli.run(["build", "--source", site.root])
        #expect(changed.stdout.hasPrefix("built 2 pages"))
        let html = try String(contentsOfFile: site.output + "/a/index.html", encoding: .utf8)
        #expect(html.contains("Changed."))
    }

    @Test func theCacheFolderCanBeChosen() throws {
        let site = try FixtureSite(["content/_index.md": page("Home")])
        let folder = site.root + "/elsewhere/cache"
        let cli = BuildCommandTests()
        _ = try cli.run(["build", "--source", site.root, "--cache-dir", folder])
        #expect(FileManager.default.fileExists(atPath: folder + "/pages.cache"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.playbook-cache"))
        let second = try cli.run(["build", "--source", site.root, "--cache-dir", folder])
        #expect(second.stdout.hasPrefix("up to date"))
    }

    @Test func aCacheFolderAmongTheSourcesOrInTheOutputIsRefused() throws {
        let site = try FixtureSite(["content/_index.md": page("Home")])
        let cli = BuildCommandTests()
        for folder in ["content/cache", "templates/cache", "public/.cache"] {
            let result = try cli.run(["build", "--source", site.root, "--cache-dir", site.root + "/" + folder])
            #expect(result.status == 2, "\(folder)")
            #expect(result.stderr.contains("is inside the"), "\(folder): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: site.root + "/" + folder))
        }
    }
}

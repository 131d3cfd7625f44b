import Foundation
import PlaybookTesting
import Testing

/// `links: warn`: the build succeeds and ends with "N broken links in M pages", the first few
/// in full; `-v` lists them all.
@Suite struct MigrationSummaryTests {
    private func site(brokenLinks: Int) throws -> FixtureSite {
        var files = ["playbook.yml": "title: T\nlinks: warn\n", "content/README.md": "# Home\n"]
        for page in 0..<brokenLinks {
            files["content/page \(page).md"] = "# Page \(page)\n\n[old](old-\(page).md)\n"
        }
        return try FixtureSite(files)
    }

    @Test func theBuildSucceedsAndSumsUpTheBrokenLinks() throws {
        let site = try site(brokenLinks: 7)
        let run = try BuildCommandTests().run(["build", "--source", site.root])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        // Slugging moved the seven "page N.md" files away from their names: a note says so first.
        #expect(lines.first?.hasPrefix("note: 7 of 8 page URLs differ from their file names (content/page 0.md is at /page-0/, not /page%200/)") == true)
        #expect(lines.dropFirst().first == "7 broken links in 7 pages (links: warn in playbook.yml keeps them from failing the build)")
        #expect(lines.filter { $0.contains("warning: broken link") }.count == 5)
        #expect(lines.last == "  … and 2 more: run 'playbook build -v' to list them all")
        #expect(run.stdout.contains("built 8 pages"))
    }

    @Test func verboseListsEveryBrokenLink() throws {
        let site = try site(brokenLinks: 7)
        let run = try BuildCommandTests().run(["build", "--source", site.root, "-v"])
        #expect(run.status == 0)
        #expect(run.stderr.split(separator: "\n").filter { $0.contains("warning: broken link") }.count == 7)
        #expect(run.stderr.contains("7 broken links in 7 pages"))
    }

    @Test func withoutMigrationModeTheSameLinksFailTheBuild() throws {
        let site = try site(brokenLinks: 2)
        try site.write("playbook.yml", "title: T\n")
        let run = try BuildCommandTests().run(["build", "--source", site.root])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/page 0.md:3:1: error: broken link: 'old-0.md'"))
        #expect(!run.stderr.contains("broken links in"))
    }
}

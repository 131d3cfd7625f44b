import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookTesting
import Testing

@Suite struct OutputTests {
    @Test func aFailingBuildLeavesThePreviousOutputByteForByte() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home", "Welcome.\n"),
            "content/a.md": page("A", "- [ ] one\n"),
        ])
        #expect(try site.build().wrote)
        let before = FixtureSite.snapshot(of: site.output)
        #expect(before.count >= 5)
        try site.write("content/a.md", page("A", "[broken](nowhere.md)\n"))
        let failed = try site.build()
        #expect(!failed.succeeded)
        #expect(!failed.wrote)
        #expect(FixtureSite.snapshot(of: site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.hasPrefix(".public.") }
        #expect(leftovers.isEmpty)
    }

    @Test func twoBuildsGiveIdenticalTrees() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/b/_index.md": page("B", weight: 2),
            "content/b/x.md": page("X", "## H\n\n- [ ] t\n"),
            "content/a.md": page("A", weight: 1, "[x](b/x.md#h)\n"),
        ])
        _ = try site.build()
        let first = FixtureSite.snapshot(of: site.output)
        _ = try site.build(output: site.root + "/second")
        let second = FixtureSite.snapshot(of: site.root + "/second")
        #expect(first == second)
        #expect(first.keys.sorted().contains("b/x/index.html"))
    }

    @Test func noStaleFilesSurviveARebuild() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/old.md": page("Old"),
        ])
        _ = try site.build()
        #expect(FileManager.default.fileExists(atPath: site.output + "/old/index.html"))
        try site.remove("content/old.md")
        _ = try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output + "/old/index.html"))
    }

    @Test func aFolderTheBuildDidNotMakeIsNeverReplaced() throws {
        let site = try FixtureSite(["content/_index.md": page("Home")])
        try site.write("mine/notes.txt", "keep me")
        #expect {
            try site.build(output: site.root + "/mine")
        } throws: { error in
            (error as? DiagnosticError)?.isUsage == true
        }
        #expect(FileManager.default.contents(atPath: site.root + "/mine/notes.txt") == Data("keep me".utf8))
    }

    @Test func theSourceFolderCannotBeTheOutput() throws {
        let site = try FixtureSite(["content/_index.md": page("Home")])
        #expect(throws: DiagnosticError.self) { try site.build(output: site.root) }
        #expect(FileManager.default.fileExists(atPath: site.root + "/content/_index.md"))
    }
}

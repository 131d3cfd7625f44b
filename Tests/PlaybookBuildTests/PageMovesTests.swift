import Foundation
@testable import PlaybookBuild
import PlaybookDiagnostics
import PlaybookLint
import PlaybookModel
import PlaybookTesting
import Testing

/// `playbook lint --since REV`: pages renamed or deleted since a revision keep their old URL.
@Suite(.enabled(if: GitScript.isInstalled, "git is not installed"))
struct PageMovesTests {
    @Test func renamedAndDeletedPagesWithoutAnAliasAreFound() throws {
        let site = try FixtureSite([
            "playbook.yml": "title: Test\n",
            "content/_index.md": page("Home"),
            "content/guide/escalation.md": page("Escalation", "Text.\n"),
            "content/guide/kept.md": page("Kept", "Text.\n"),
            "content/guide/old.md": page("Old", "Text.\n"),
            "content/guide/README.md": page("Guide"),
        ])
        let git = GitScript(folder: site.root)
        try git.run("init", "-q", "-b", "main")
        try git.run("add", ".")
        try git.commit("Start", author: "Dana Reyes", date: "2026-11-01T10:00:00Z")
        try git.run("mv", "content/guide/escalation.md", "content/guide/escalations.md")
        try git.run("mv", "content/guide/kept.md", "content/guide/kept-too.md")
        try site.write("content/guide/kept-too.md", page("Kept", extra: "aliases: [/guide/kept/]\n", "Text.\n"))
        try git.run("rm", "-q", "content/guide/old.md")
        // Same URL under another name: nothing to keep.
        try git.run("mv", "content/guide/README.md", "content/guide/_index.md")

        let (moves, pages) = try PageMoves.read(since: "main", source: site.root)
        #expect(Set(moves.map(\.oldURL)) == ["/guide/escalation/", "/guide/kept/", "/guide/old/", "/guide/"])
        let findings = Linter().movedPageFindings(moves: moves, pages: pages)
        #expect(findings.map(\.ruleID) == ["page/moved-without-alias", "page/moved-without-alias"])
        #expect(findings.map(\.location.file).sorted() == ["content/guide/escalations.md", "content/guide/old.md"])
        #expect(findings.compactMap(\.advice).sorted() == [
            "add 'aliases: [/guide/escalation/]' to its front matter",
            "add 'aliases: [/guide/old/]' to the front matter of the page that replaces it",
        ])
    }

    @Test func anUnknownRevisionIsAUsageError() throws {
        let site = try FixtureSite(["content/_index.md": page("Home")])
        try GitScript(folder: site.root).run("init", "-q", "-b", "main")
        let error = #expect(throws: DiagnosticError.self) { try PageMoves.read(since: "no-such-revision", source: site.root) }
        #expect(error?.description.contains("git could not compare the content with 'no-such-revision'") == true)
    }

    @Test func theDiffIsReadAsRenamesAndDeletions() {
        func fields(_ parts: [String]) -> [UInt8] { parts.flatMap { Array($0.utf8) + [0] } }
        let diff = fields(["R087", "content/a.md", "content/b/a.md", "D", "content/x.md", "M", "content/y.md",
                           "A", "content/z.md", "R100", "content/pic.png", "content/img/pic.png"])
        let moves = PageMoves.moves(inDiff: diff, style: .slug)
        #expect(moves == [
            PageMove(oldFile: "content/a.md", newFile: "content/b/a.md", oldURL: "/a/"),
            PageMove(oldFile: "content/x.md", newFile: nil, oldURL: "/x/"),
        ])
    }
}

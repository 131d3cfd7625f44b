import Foundation
import PlaybookTesting
import Testing

/// `playbook review PATH… [--by NAME] [--today]`: the line it changes, the bytes it keeps, the
/// paths it refuses and the exit statuses.
@Suite struct ReviewCommandTests {
    static let config = "title: Site\nowners:\n  Priya Nair: { contact: \"mailto:priya@example.org\" }\n  Support team: {}\n"
    static let crlf = "---\r\ntitle: \"Escalation: first hour\"\r\n'reviewed': 2025-01-06  # last review\r\nowner: Support team\r\n---\r\nBody\r\n"

    func site(_ extra: [String: String] = [:]) throws -> FixtureSite {
        var files = [
            "playbook.yml": Self.config,
            "content/guide/crlf.md": Self.crlf,
            "content/plain.md": "# No front matter\n\nText.\n",
            "content/absent.md": "---\ntitle: Absent # keep me\n---\nText.\n",
        ]
        for (path, text) in extra { files[path] = text }
        return try FixtureSite(files)
    }

    func run(_ arguments: [String], in folder: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let run = try PlaybookBinary.run(arguments, in: folder)
        return (run.status, run.stdout, run.stderr)
    }

    func bytes(_ site: FixtureSite, _ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: site.root + "/" + path))
    }

    @Test func changesOneLineAndKeepsEveryOtherByte() throws {
        let site = try site()
        let result = try run(["review", "content/guide/crlf.md", "content/plain.md", "content/absent.md", "--today", "2026-06-01"], in: site.root)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            content/guide/crlf.md: reviewed: 2026-06-01 (was 2025-01-06)
            content/plain.md: reviewed: 2026-06-01 (new front matter)
            content/absent.md: reviewed: 2026-06-01 (added)

            """)
        #expect(try bytes(site, "content/guide/crlf.md") == Data(Self.crlf.replacingOccurrences(of: "2025-01-06", with: "2026-06-01").utf8))
        #expect(try bytes(site, "content/plain.md") == Data("---\nreviewed: 2026-06-01\n---\n# No front matter\n\nText.\n".utf8))
        #expect(try bytes(site, "content/absent.md") == Data("---\ntitle: Absent # keep me\nreviewed: 2026-06-01\n---\nText.\n".utf8))
    }

    @Test func byAlsoSetsTheOwnerAndWarnsOfANameNotInOwners() throws {
        let site = try site()
        let known = try run(["review", "--by", "Priya Nair", "content/guide/crlf.md", "--today", "2026-06-01"], in: site.root)
        #expect(known.status == 0)
        #expect(known.stderr == "")
        #expect(known.stdout == "content/guide/crlf.md: owner: Priya Nair (was Support team), reviewed: 2026-06-01 (was 2025-01-06)\n")
        let expected = Self.crlf.replacingOccurrences(of: "2025-01-06", with: "2026-06-01").replacingOccurrences(of: "Support team", with: "Priya Nair")
        #expect(try bytes(site, "content/guide/crlf.md") == Data(expected.utf8))
        let typo = try run(["review", "--by", "Priya Nayr", "plain.md", "--today", "2026-06-01"], in: site.root)
        #expect(typo.status == 0)
        #expect(typo.stderr.contains("--by: warning: 'Priya Nayr' is not listed under 'owners' in playbook.yml"))
        #expect(typo.stderr.contains("did you mean 'Priya Nair'?"))
        #expect(try bytes(site, "content/plain.md") == Data("---\nowner: Priya Nayr\nreviewed: 2026-06-01\n---\n# No front matter\n\nText.\n".utf8))
    }

    @Test func runningTwiceGivesTheSameBytes() throws {
        let site = try site()
        let arguments = ["review", "--by", "Support team", "content/guide/crlf.md", "content/plain.md", "content/absent.md", "--today", "2026-06-01"]
        #expect(try run(arguments, in: site.root).status == 0)
        let first = try ["content/guide/crlf.md", "content/plain.md", "content/absent.md"].map { try bytes(site, $0) }
        let again = try run(arguments, in: site.root)
        #expect(again.status == 0)
        #expect(again.stdout.components(separatedBy: "\n").filter { $0.contains("unchanged (it already says owner: Support team, reviewed: 2026-06-01)") }.count == 3)
        #expect(try ["content/guide/crlf.md", "content/plain.md", "content/absent.md"].map { try bytes(site, $0) } == first)
    }

    @Test func badPathsAreUsageErrorsAndTheOtherFilesAreStillDone() throws {
        let site = try site(["content/.hidden/a.md": "x\n", "notes.md": "outside\n", "content/image.png": "png"])
        let result = try run(
            ["review", "nope.md", "content/guide", "content/image.png", "notes.md", "content/.hidden/a.md", "content/plain.md", "--today", "2026-06-01"],
            in: site.root)
        #expect(result.status == 2)
        #expect(result.stdout == "content/plain.md: reviewed: 2026-06-01 (new front matter)\n")
        for expected in [
            "nope.md: error: no such file [usage]", "content/guide: error: this is a folder; playbook review marks files [usage]",
            "content/image.png: error: this is not a Markdown file, so not a page [usage]",
            "notes.md: error: this file is not under the site's content folder", "content/.hidden/a.md: error: this file is in a hidden folder",
        ] {
            #expect(result.stderr.contains(expected), "\(expected)")
        }
        #expect(try bytes(site, "notes.md") == Data("outside\n".utf8))
    }

    @Test func frontMatterThatDoesNotParseIsAContentError() throws {
        let broken = "---\ntitle: A\nowner: [x\n---\nBody\n"
        let site = try site(["content/broken.md": broken])
        let result = try run(["review", "content/broken.md", "content/absent.md", "--today", "2026-06-01"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stdout == "content/absent.md: reviewed: 2026-06-01 (added)\n")
        #expect(result.stderr.contains("content/broken.md:4:1: error:"))
        #expect(try bytes(site, "content/broken.md") == Data(broken.utf8))
    }

    @Test func pathsResolveAgainstTheSiteAndContentFolders() throws {
        let site = try site()
        let parent = URL(fileURLWithPath: site.root).deletingLastPathComponent().path
        let result = try run(["review", "--source", site.root, "plain.md", "content/absent.md", "--today", "2026-06-01"], in: parent)
        #expect(result.status == 0)
        #expect(result.stdout == "content/plain.md: reviewed: 2026-06-01 (new front matter)\ncontent/absent.md: reviewed: 2026-06-01 (added)\n")
        let noPaths = try run(["review"], in: site.root)
        #expect(noPaths.status == 2)
        let badDay = try run(["review", "plain.md", "--today", "soon"], in: site.root)
        #expect(badDay.status == 2)
        #expect(try bytes(site, "content/plain.md").starts(with: Data("---\nreviewed: 2026-06-01\n".utf8)))
    }
}

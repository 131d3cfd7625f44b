import Foundation
import PlaybookModel
import Testing

/// The one folder walk: hidden entries skipped, links to files followed, links to folders and
/// broken links reported, a depth limit, sorted depth first.
@Suite struct FolderWalkerTests {
    /// A temporary tree: `a.md`, `b/c.md`, `b/d/e.md`, hidden entries, links of every kind and a pipe.
    static func makeTree() throws -> String {
        let root = NSTemporaryDirectory() + "folder-walker-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/b/d", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        for file in ["a.md", "b/c.md", "b/d/e.md", ".hidden.md", ".git/x.md"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        try fm.createSymbolicLink(atPath: root + "/linked.md", withDestinationPath: "a.md")
        try fm.createSymbolicLink(atPath: root + "/b/up", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: root + "/nowhere.md", withDestinationPath: "missing.md")
        #expect(mkfifo(root + "/pipe", 0o644) == 0)
        return root
    }

    @Test func followsTheRuleInOrder() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let entries = FolderWalker(root: root).entries().map { "\($0.path) \($0.kind)" }
        // `entries()` walks the root's folders side by side: the same entries in the same order
        // as `walk`, which visits them one by one.
        var walked: [String] = []
        FolderWalker(root: root).walk { walked.append("\($0.path) \($0.kind)") }
        #expect(walked == entries)
        #expect(
            entries == [
                "a.md file", "b folder", "b/c.md file", "b/d folder", "b/d/e.md file", "b/up linkedFolder",
                "linked.md linkedFile", "nowhere.md brokenLink", "pipe other",
            ])
    }

    @Test func reportsFoldersDeeperThanTheLimit() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let walker = FolderWalker(root: root, maxDepth: 1)
        let kinds = Dictionary(uniqueKeysWithValues: walker.entries().map { ($0.path, $0.kind) })
        #expect(kinds["b"] == .folder)
        #expect(kinds["b/d"] == .tooDeep)
        #expect(kinds["b/d/e.md"] == nil)
    }

    @Test func followsARootThatIsALinkAndReportsAMissingOne() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "-link", withDestinationPath: root)
        defer { try? FileManager.default.removeItem(atPath: root + "-link") }
        #expect(FolderWalker(root: root + "-link").entries().count == 9)
        let missing = FolderWalker(root: root + "/no-such-folder").entries()
        #expect(missing.map(\.path) == [""])
        #expect(missing.map(\.kind) == [.unreadableFolder])
    }

    @Test func linkedFilesCarryTheirTargetsStatus() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let entries = FolderWalker(root: root).entries()
        let target = try #require(entries.first { $0.path == "a.md" })
        let link = try #require(entries.first { $0.path == "linked.md" })
        #expect(link.status == target.status)
        #expect(link.absolutePath == root + "/linked.md")
    }
}

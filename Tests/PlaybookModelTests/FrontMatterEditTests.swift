import Foundation
import PlaybookDiagnostics
import PlaybookModel
import Testing

/// `FrontMatterEdit`, what `playbook review` writes: one line changed or added, every other
/// byte kept.
@Suite struct FrontMatterEditTests {
    static let today = [(key: "reviewed", value: "2026-06-01")]

    func edit(_ text: String, _ values: [(key: String, value: String)] = today) throws -> FrontMatterEdit.Outcome {
        try FrontMatterEdit.setting(values, in: Array(text.utf8), file: "content/a.md").get()
    }

    func text(_ outcome: FrontMatterEdit.Outcome) -> String { String(decoding: outcome.bytes, as: UTF8.self) }

    func problem(_ text: String, _ values: [(key: String, value: String)] = today) -> Diagnostic? {
        if case .failure(let problem) = FrontMatterEdit.setting(values, in: Array(text.utf8), file: "content/a.md") { return problem }
        return nil
    }

    @Test func replacesTheValueAloneKeepingQuotedKeysCommentsAndOrder() throws {
        let before = "---\ntitle: 'A: b'   # the title\n\"reviewed\":  2025-01-06   # by Dana\nowner: \"Support team\"\n---\n# A\n"
        let outcome = try edit(before)
        #expect(text(outcome) == "---\ntitle: 'A: b'   # the title\n\"reviewed\":  2026-06-01   # by Dana\nowner: \"Support team\"\n---\n# A\n")
        #expect(outcome.changes == [.init(key: "reviewed", old: "2025-01-06", new: "2026-06-01")])
        #expect(!outcome.addedFrontMatter)
    }

    @Test func keepsCRLFEverywhereAndWritesNewLinesWithIt() throws {
        let before = "---\r\ntitle: A\r\nreviewed: 2025-01-06\r\n---\r\nBody\r\nmore\r\n"
        #expect(text(try edit(before)) == "---\r\ntitle: A\r\nreviewed: 2026-06-01\r\n---\r\nBody\r\nmore\r\n")
        let absent = "---\r\ntitle: A\r\n---\r\nBody\r\n"
        #expect(text(try edit(absent)) == "---\r\ntitle: A\r\nreviewed: 2026-06-01\r\n---\r\nBody\r\n")
        #expect(text(try edit("Body\r\n")) == "---\r\nreviewed: 2026-06-01\r\n---\r\nBody\r\n")
    }

    @Test func addsAnAbsentKeyAsTheLastLineOfTheFrontMatter() throws {
        let before = "---\ntitle: A\ntags: [a, b]\n# a comment\n\n---\nBody\n"
        let outcome = try edit(before, [("owner", "Priya Nair"), ("reviewed", "2026-06-01")])
        #expect(text(outcome) == "---\ntitle: A\ntags: [a, b]\n# a comment\n\nowner: Priya Nair\nreviewed: 2026-06-01\n---\nBody\n")
        #expect(outcome.changes.map(\.old) == [nil, nil])
        // An empty front matter, a closing '...', and a closing fence at the end of the file.
        #expect(text(try edit("---\n---\nBody")) == "---\nreviewed: 2026-06-01\n---\nBody")
        #expect(text(try edit("---\ntitle: A\n...\n")) == "---\ntitle: A\nreviewed: 2026-06-01\n...\n")
        #expect(text(try edit("---\ntitle: A\n---")) == "---\ntitle: A\nreviewed: 2026-06-01\n---")
    }

    @Test func aFileWithoutFrontMatterGetsOneBeforeItsBytes() throws {
        let outcome = try edit("# Title\n\nBody\n")
        #expect(text(outcome) == "---\nreviewed: 2026-06-01\n---\n# Title\n\nBody\n")
        #expect(outcome.addedFrontMatter)
        #expect(text(try edit("")) == "---\nreviewed: 2026-06-01\n---\n")
        // A byte-order mark stays first.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let withBOM = try FrontMatterEdit.setting(Self.today, in: bom + Array("Body\n".utf8), file: "a.md").get()
        #expect(withBOM.bytes == bom + Array("---\nreviewed: 2026-06-01\n---\nBody\n".utf8))
    }

    @Test func emptyValuesAndValuesWithCommentsAreFilledIn() throws {
        #expect(text(try edit("---\nreviewed:\n---\n")) == "---\nreviewed: 2026-06-01\n---\n")
        #expect(text(try edit("---\nreviewed: # to do\n---\n")) == "---\nreviewed: 2026-06-01 # to do\n---\n")
        #expect(text(try edit("---\nreviewed: ~   # never\n---\n")) == "---\nreviewed: 2026-06-01   # never\n---\n")
        #expect(text(try edit("---\nreviewed: '2025-01-06' # quoted\n---\n")) == "---\nreviewed: 2026-06-01 # quoted\n---\n")
        #expect(text(try edit("---\nowner: [A, \"B # c\"] # two\n---\n", [("owner", "C")])) == "---\nowner: C # two\n---\n")
    }

    @Test func namesAreQuotedWhenYAMLWouldReadThemOtherwise() throws {
        #expect(text(try edit("---\nowner: A\n---\n", [("owner", "Support: EMEA")])) == "---\nowner: \"Support: EMEA\"\n---\n")
        #expect(text(try edit("---\nowner: A\n---\n", [("owner", "yes")])) == "---\nowner: \"yes\"\n---\n")
        #expect(text(try edit("---\nowner: A\n---\n", [("owner", "#1 \"team\"")])) == "---\nowner: \"#1 \\\"team\\\"\"\n---\n")
        #expect(text(try edit("---\nowner: A\n---\n", [("owner", "Dana O'Neil")])) == "---\nowner: Dana O'Neil\n---\n")
    }

    @Test func runningTwiceGivesTheSameBytes() throws {
        for before in ["---\r\ntitle: A\r\n---\r\nB\r\n", "B\n", "---\nreviewed: 2025-01-06 # c\n---\n", "---\nowner: 'x'\n---\n"] {
            let once = try edit(before, [("owner", "Support: EMEA"), ("reviewed", "2026-06-01")])
            let twice = try FrontMatterEdit.setting([("owner", "Support: EMEA"), ("reviewed", "2026-06-01")], in: once.bytes, file: "a.md").get()
            #expect(twice.bytes == once.bytes, "\(before)")
            #expect(twice.changes.isEmpty)
        }
        // A value already right is left as written, quotes and all.
        let quoted = "---\nreviewed: \"2026-06-01\"\n---\n"
        #expect(try edit(quoted).bytes == Array(quoted.utf8))
    }

    @Test func frontMatterThatDoesNotParseIsAPositionedError() throws {
        #expect(problem("---\ntitle: A\nowner: [x\n---\n")?.location.line == 4)
        #expect(problem("---\ntitle: A\n")?.description.hasPrefix("content/a.md:1:1: error: the front matter opened here is never closed") == true)
        #expect(problem("---\n- a\n- b\n---\n")?.code == "frontmatter/not-mapping")
        #expect(problem("\u{0}binary")?.code == "file/binary")
    }

    @Test func valuesOverSeveralLinesAreNotRewritten() throws {
        let block = problem("---\nreviewed: |\n  2025-01-06\n---\n")
        #expect(block?.description.hasPrefix("content/a.md:2:1: error: 'reviewed:' is not written as one 'key: value' line") == true)
        #expect(problem("---\nreviewed:\n  2025-01-06\ntitle: A\n---\n")?.code == "review/edit")
        #expect(problem("---\nowner:\n  - A\n  - B\n---\n", [("owner", "C")])?.code == "review/edit")
        #expect(problem("---\nreviewed: \"2025-\n  01-06\"\n---\n")?.code == "review/edit")
        #expect(problem("---\n{title: A, reviewed: 2025-01-06}\n---\n")?.code == "review/edit")
    }

    /// Over the front-matter fuzz corpus (hostile and odd files), an edit never crashes; when it
    /// succeeds the file has a front matter whose key reads the value, a second run changes
    /// nothing, and every line of the original is still there in order but the one replaced.
    @Test func theFuzzCorpusIsEditedSafely() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/frontmatter")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var edited = 0
        for name in files {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            guard case .success(let once) = FrontMatterEdit.setting(Self.today, in: bytes, file: name) else { continue }
            edited += 1
            let twice = try FrontMatterEdit.setting(Self.today, in: once.bytes, file: name).get()
            #expect(twice.bytes == once.bytes, "\(name)")
            #expect(twice.changes.isEmpty, "\(name)")
            let before = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let after = once.bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let kept = before.filter { line in after.contains { $0.elementsEqual(line) } }.count
            #expect(kept >= before.count - 1, "\(name)")
        }
        #expect(edited > 10, "\(edited) of \(files.count) corpus files edited")
    }
}

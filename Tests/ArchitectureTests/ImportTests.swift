import Foundation
import Testing

/// Checks each target's imports against the targets table of docs/architecture.md, since
/// SwiftPM lets a target import any module its dependencies happen to declare. The table is read
/// from the document, so the document and the rule cannot drift apart.
@Suite struct ImportTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var sources: URL { repository.appendingPathComponent("Sources") }

    /// The targets table: each row that starts with a backquoted target name, between the
    /// `## Targets` heading and the next level-2 heading; the backquoted names in its third
    /// column are the modules it may import (`—` for none). Empty when the document is missing.
    static let allowed: [String: Set<String>] = {
        let document = repository.appendingPathComponent("docs/architecture.md")
        guard let text = try? String(contentsOf: document, encoding: .utf8) else { return [:] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "## Targets") else { return [:] }
        var table: [String: Set<String>] = [:]
        for line in lines[(start + 1)...].prefix(while: { !$0.hasPrefix("## ") }) where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { continue }
            table[String(cells[0].dropFirst().dropLast())] = Set(backquoted(cells[2]))
        }
        return table
    }()

    /// The backquoted words of a table cell: "`A`, `B`" gives A and B.
    static func backquoted(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc", "Darwin"]

    static func imports(of target: String) throws -> [String: Set<String>] {
        let folder = sources.appendingPathComponent(target)
        var result: [String: Set<String>] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                    words[..<index].allSatisfy({ ["public", "internal", "package", "private", "fileprivate", "@testable"].contains($0) })
                else { continue }
                result[file, default: []].insert(words[index + 1])
            }
        }
        return result
    }

    @Test func everySourceFolderIsInTheTable() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
        #expect(Set(folders) == Set(Self.allowed.keys), "docs/architecture.md's targets table and Sources/ differ")
    }

    @Test(arguments: allowed.keys.sorted())
    func importsFollowTheDesign(target: String) throws {
        let allowed = Self.allowed[target, default: []].union(Self.system)
        for (file, modules) in try Self.imports(of: target) {
            let extra = modules.subtracting(allowed)
            #expect(extra.isEmpty, "\(target)/\(file) imports \(extra.sorted()), which docs/architecture.md does not allow")
        }
    }

    @Test func onlyTheHighlightTargetTouchesSourceHighlight() throws {
        for target in Self.allowed.keys where target != "PlaybookHighlight" {
            for (file, modules) in try Self.imports(of: target) {
                #expect(!modules.contains("CSourceHighlight"), "\(target)/\(file) imports CSourceHighlight")
            }
        }
    }

    @Test func onlyTheMarkdownTargetTouchesCMark() throws {
        for target in Self.allowed.keys where target != "PlaybookMarkdown" {
            for (file, modules) in try Self.imports(of: target) {
                #expect(!modules.contains("CMark"), "\(target)/\(file) imports CMark")
            }
        }
    }
}

import Foundation
import Testing

/// Checks each target's imports against the table in DESIGN.md, since SwiftPM lets a target
/// import any module its dependencies happen to declare.
@Suite struct ImportTests {
    static let allowed: [String: Set<String>] = [
        "PlaybookDiagnostics": [],
        "PlaybookMarkdown": ["CMark", "PlaybookDiagnostics"],
        "PlaybookHighlight": ["CSourceHighlight"],
        "PlaybookModel": ["PlaybookDiagnostics", "Yams"],
        "PlaybookLint": ["PlaybookModel", "PlaybookDiagnostics"],
        "PlaybookDiagrams": ["PlaybookModel", "PlaybookDiagnostics"],
        "PlaybookRender": [
            "PlaybookModel", "PlaybookMarkdown", "PlaybookDiagnostics", "PlaybookDiagrams", "PlaybookLint", "PlaybookHighlight",
            "Mustache",
        ],
        "PlaybookBuild": ["PlaybookModel", "PlaybookMarkdown", "PlaybookRender", "PlaybookDiagnostics", "PlaybookLint"],
        "PlaybookServer": ["PlaybookBuild", "PlaybookModel", "PlaybookDiagnostics", "FlyingFox", "FlyingSocks"],
        "PlaybookTesting": ["PlaybookBuild", "PlaybookDiagnostics"],
        "PlaybookFuzz": ["PlaybookModel", "PlaybookLint", "PlaybookDiagrams", "PlaybookMarkdown", "PlaybookDiagnostics"],
        "playbook": ["PlaybookBuild", "PlaybookModel", "PlaybookDiagnostics", "PlaybookLint", "PlaybookServer", "ArgumentParser"],
    ]
    /// C targets: headers and module maps, no Swift imports to check.
    static let cTargets: Set<String> = ["CMark", "CSourceHighlight"]
    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc", "Darwin"]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
    }

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
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { !Self.cTargets.contains($0) }
        #expect(Set(folders) == Set(Self.allowed.keys))
    }

    @Test(arguments: allowed.keys.sorted())
    func importsFollowTheDesign(target: String) throws {
        let allowed = Self.allowed[target, default: []].union(Self.system)
        for (file, modules) in try Self.imports(of: target) {
            let extra = modules.subtracting(allowed)
            #expect(extra.isEmpty, "\(target)/\(file) imports \(extra.sorted()), which DESIGN.md does not allow")
        }
    }

    @Test func onlyTheMarkdownTargetTouchesCMark() throws {
        for target in Self.allowed.keys where target != "PlaybookMarkdown" {
            for (file, modules) in try Self.imports(of: target) {
                #expect(!modules.contains("CMark"), "\(target)/\(file) imports CMark")
            }
        }
    }

    @Test func onlyTheHighlightTargetTouchesSourceHighlight() throws {
        for target in Self.allowed.keys where target != "PlaybookHighlight" {
            for (file, modules) in try Self.imports(of: target) {
                #expect(!modules.contains("CSourceHighlight"), "\(target)/\(file) imports CSourceHighlight")
            }
        }
    }
}

import Foundation
import Testing

/// The playbook takes ideas from the seed essays, never their sentences: no run of eight or
/// more consecutive words of an essay may appear in content/ (compared lower-cased, with
/// punctuation removed, as ../shared/tools/seed_overlap.py does).
@Suite struct SeedOverlapTests {
    static let runLength = 8
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = repository.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// Lower-cased words of letters and digits, keeping an inner apostrophe (don't, customer's).
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let scalars = Array(text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").unicodeScalars)
        var index = 0
        func isWordScalar(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("0"..."9").contains(s) }
        while index < scalars.count {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'", !current.isEmpty, index + 1 < scalars.count, ("a"..."z").contains(scalars[index + 1]) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
            index += 1
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func runs(_ words: [String]) -> Set<String> {
        guard words.count >= runLength else { return [] }
        return Set((0...(words.count - runLength)).map { words[$0..<($0 + runLength)].joined(separator: " ") })
    }

    @Test func wordSplittingMatchesTheSharedTool() {
        #expect(Self.words("The customer’s “promise” — don't stop!") == ["the", "customer's", "promise", "don't", "stop"])
    }

    @Test func detectsACopiedRun() {
        let seed = Self.runs(Self.words("one two three four five six seven eight nine"))
        let copied = Self.runs(Self.words("Intro: Two, three FOUR five six seven eight nine!"))
        #expect(!seed.isDisjoint(with: copied))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seeds.path), "skipped without the seed essays: no ../shared/seeds beside the repository"))
    func contentSharesNoRunOfEightWordsWithTheSeeds() throws {
        var seedRuns: Set<String> = []
        let seedFiles = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).filter { $0.hasSuffix(".txt") }
        #expect(!seedFiles.isEmpty)
        for file in seedFiles {
            seedRuns.formUnion(Self.runs(Self.words(try String(contentsOf: Self.seeds.appendingPathComponent(file), encoding: .utf8))))
        }
        let content = Self.repository.appendingPathComponent("content")
        let files = FileManager.default.enumerator(atPath: content.path)?.allObjects as? [String] ?? []
        var checked = 0
        for file in files where file.hasSuffix(".md") || file.hasSuffix(".yml") {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            let shared = Self.runs(Self.words(text)).intersection(seedRuns)
            #expect(shared.isEmpty, "content/\(file) repeats the seed essays: \(shared.sorted().prefix(3))")
            checked += 1
        }
        #expect(checked > 20)
    }
}

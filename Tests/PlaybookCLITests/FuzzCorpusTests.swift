import Foundation
import Testing

/// Replays the committed fuzz corpus (`Tests/Fuzz/corpus/<target>/`, seeds and every input that
/// once crashed or hung) through `playbook-fuzz`, built without libFuzzer: each target must read
/// every input and exit 0.
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    static var binary: String {
        URL(fileURLWithPath: BuildCommandTests.binary).deletingLastPathComponent().appendingPathComponent("playbook-fuzz").path
    }

    @Test(arguments: ["frontmatter", "plan", "diagram", "markdown", "config"])
    func corpusReplaysWithoutACrash(target: String) throws {
        let folder = Self.corpus.appendingPathComponent(target).path
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(inputs.count >= 3, "the seed corpus of \(target) is missing")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [target, folder]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by a signal: \(stderr)")
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stdout == "\(target): \(inputs.count) inputs, no crash\n")
    }
}

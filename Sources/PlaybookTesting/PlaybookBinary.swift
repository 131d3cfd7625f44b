internal import Foundation

/// Where the `playbook` binary of this build is, for tests that run it as a user or CI would.
public enum PlaybookBinary {
    /// The path of `playbook` beside (or a few folders above) the running test binary.
    public static var path: String { sibling("playbook") }

    /// The path of another product of this build, such as `playbook-fuzz`.
    public static func sibling(_ name: String) -> String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var folder = testBinary
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return testBinary.appendingPathComponent(name).path
    }
}

extension PlaybookBinary {
    /// What a run of the binary printed and how it ended.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// False when a signal ended it (a crash) rather than an exit.
        public var exited: Bool
    }

    /// Runs `playbook` with `arguments`, in `folder` when given, with `environment` over the
    /// inherited one minus `SOURCE_DATE_EPOCH` (tests pin the day with `--today`), and waits.
    /// Standard error is read on another thread, so neither pipe can fill up and stall it.
    public static func run(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        var inherited = ProcessInfo.processInfo.environment
        inherited["SOURCE_DATE_EPOCH"] = nil
        process.environment = inherited.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = ErrorText()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: errors.data, as: UTF8.self), exited: process.terminationReason == .exit)
    }
}

/// Standard error's bytes, filled on the thread that reads them (the group's wait orders the access).
private final class ErrorText: @unchecked Sendable {
    var data = Data()
}

internal import Foundation

/// Runs a program found on `PATH` with a list of arguments (never through a shell) and collects
/// what it printed. Failures are values: a program that is missing, cannot start or exits with
/// another status than 0 gives a `Failure` saying why.
struct ProcessRunner: Sendable {
    /// The program's name, looked up on `PATH`.
    let program: String
    /// Extra environment variables, over the inherited ones.
    var environment: [String: String] = [:]
    /// Told the program's process id once it runs (to stop it with the caller).
    var started: (@Sendable (Int32) -> Void)?

    /// What a run printed on standard output.
    struct Output: Sendable {
        var bytes: [UInt8]
        /// The output as text, without the final line break.
        var text: String {
            var text = String(decoding: bytes, as: UTF8.self)
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
    }

    /// Why a run gave no output.
    struct Failure: Error, Sendable, Equatable {
        var reason: String
        /// Everything the program printed on standard error (empty when it did not run).
        var errorOutput = ""
    }

    /// The program's path, or `nil` when no folder of `PATH` holds it; a program named by a
    /// path (with a `/`) is that path when it can be run.
    func executable() -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + program
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs the program with `arguments` and waits for it to exit.
    func run(_ arguments: [String]) -> Result<Output, Failure> {
        guard let path = executable() else { return .failure(Failure(reason: "\(program) is not installed (not on PATH)")) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        // Not `waitUntilExit()`: on Linux it polls the run loop every 50 ms, which made a git
        // call that takes 3 ms cost up to 54 ms (measured, 2026-12-06). The handler runs as
        // soon as the child is reaped.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            return .failure(Failure(reason: "\(program) could not be started: \(error.localizedDescription)"))
        }
        started?(process.processIdentifier)
        // Standard error is read on another thread, so neither pipe can fill up and stall the program.
        let errorText = ErrorCollector()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorText.bytes = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        exited.wait()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let message = String(decoding: errorText.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let first = message.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            return .failure(Failure(reason: first, errorOutput: message))
        }
        return .success(Output(bytes: [UInt8](data)))
    }
}

/// Standard error's bytes, filled on the thread that reads them (the group's wait orders the access).
private final class ErrorCollector: @unchecked Sendable {
    var bytes = Data()
}

/// A value worked out on another thread while the caller does something else.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Value?

    /// Starts `work` at once on a thread of its own: not on a queue of the pool, whose threads
    /// may all be waiting for it (tests run builds on the pool's threads, and an index stage
    /// that waited this way from there never finished).
    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        let thread = Thread {
            self.result = work()
            self.group.leave()
        }
        thread.start()
    }

    /// Waits for the value (the group's wait orders the access to `result`).
    func value() -> Value? {
        group.wait()
        return result
    }

    /// The value if the work has finished, without waiting; `nil` while it runs.
    func valueIfReady() -> Value? {
        group.wait(timeout: .now()) == .success ? result : nil
    }
}

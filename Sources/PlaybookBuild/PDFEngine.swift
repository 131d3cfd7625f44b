internal import PlaybookDiagnostics
internal import PlaybookModel
internal import Foundation

/// The program that lays out the PDF: WeasyPrint (Debian `weasyprint`), found on `PATH`, or the
/// program `PLAYBOOK_WEASYPRINT` names. It is run with a list of arguments, never through a
/// shell; what it says when it fails is summed up in one line.
public struct PDFEngine: Sendable {
    /// The environment variable that names the program in place of `weasyprint` on `PATH`.
    public static let environmentKey = "PLAYBOOK_WEASYPRINT"
    /// The program's name, and the Debian package that installs it.
    public static let program = "weasyprint"
    /// How to install it.
    public static let installHint = "install it with: sudo apt-get install weasyprint (or run 'make pdf', which does)"

    /// The program's path.
    public let path: String

    /// The engine, when the program is there (`environment` defaults to the process's).
    ///
    /// - Throws: `DiagnosticError` (usage, exit 2) naming the package and how to install it
    ///   when the program is missing or cannot be run.
    public static func locate(environment: [String: String]? = nil) throws -> PDFEngine {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let named = environment[environmentKey].flatMap { $0.isEmpty ? nil : $0 }
        let runner = ProcessRunner(program: named ?? program)
        if let path = runner.executable() { return PDFEngine(path: path) }
        let message = named.map { "the PDF engine '\($0)' (from \(environmentKey)) is missing or cannot be run" }
            ?? "the PDF engine WeasyPrint is not installed: no '\(program)' on PATH"
        let hint = named == nil ? installHint : "\(environmentKey) must name an executable file; unset it to use '\(program)' on PATH"
        throw DiagnosticError.usage(message, file: named == nil ? program : environmentKey, hint: hint)
    }

    /// Lays out the HTML file `input` as the PDF file `output`. `SOURCE_DATE_EPOCH` is set to
    /// `day` for it: the fonts WeasyPrint embeds (subset by fontTools) carry a time stamp,
    /// which is then that day's rather than the clock's, so the same inputs give the same bytes.
    ///
    /// - Throws: `DiagnosticError` (exit 1) with what the engine printed, summed up, when it fails.
    func render(input: String, output: String, day: PlanDate) throws {
        var runner = ProcessRunner(program: path, environment: ["SOURCE_DATE_EPOCH": String(day.dayNumber * 86_400)])
        let child = ChildID()
        runner.started = { pid in
            child.pid = pid
            InterruptGuard.shared.stoppingOnStop(child: pid)
        }
        let outcome = runner.run(["--quiet", "--encoding", "utf-8", input, output])
        if let pid = child.pid { InterruptGuard.shared.childEnded(pid) }
        switch outcome {
        case .success: return
        case .failure(let failure):
            throw DiagnosticError([
                .error(
                    "pdf/engine", at: SourceLocation(file: Self.program),
                    "WeasyPrint could not make the PDF: \(Self.summary(of: failure))",
                    hint: "run it by hand on the document to see everything it printed: \(path) FILE.html out.pdf")
            ])
        }
    }

    /// One line for what the engine printed: the last line of a Python traceback (the error
    /// itself), else its first line; at most 300 characters.
    static func summary(of failure: ProcessRunner.Failure) -> String {
        let lines = failure.errorOutput.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let line: String
        if lines.contains(where: { $0.hasPrefix("Traceback") }), let last = lines.last {
            line = last
        } else {
            line = lines.first ?? failure.reason
        }
        return line.count > 300 ? String(line.prefix(299)) + "…" : line
    }
}

/// The engine's process id, set on the thread that starts it and read after it has ended.
private final class ChildID: @unchecked Sendable {
    var pid: Int32?
}

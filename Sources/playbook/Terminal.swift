import Foundation
import PlaybookDiagnostics

/// Writes to the terminal: diagnostics to standard error in compiler form, progress to
/// standard output.
enum Terminal {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes a line to standard output at once (no buffering: serve's lines must show as they happen).
    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let color = isInteractive(FileHandle.standardError)
        standardError(diagnostics.sorted().map { color ? colored($0) : $0.description }.joined(separator: "\n"))
    }

    /// True when `handle` is a terminal and the user has not asked for no colour (`NO_COLOR`).
    static func isInteractive(_ handle: FileHandle) -> Bool {
        isatty(handle.fileDescriptor) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// The compiler form with the severity in colour and the location in bold.
    static func colored(_ diagnostic: Diagnostic) -> String {
        let severityColor = switch diagnostic.severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .note: "\u{1B}[1;36m"
        }
        let reset = "\u{1B}[0m"
        var text = "\u{1B}[1m\(diagnostic.location)\(reset): \(severityColor)\(diagnostic.severity.rawValue):\(reset) "
        text += "\(diagnostic.message) [\(diagnostic.code)]"
        if let hint = diagnostic.hint { text += "\n    \u{1B}[2mhint:\(reset) \(hint)" }
        return text
    }

    static func milliseconds(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
    }
}

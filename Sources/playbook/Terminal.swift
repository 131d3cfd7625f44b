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
        standardError(diagnostics.sorted().map(\.description).joined(separator: "\n"))
    }

    static func milliseconds(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
    }
}

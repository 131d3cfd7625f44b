/// An error that carries diagnostics, for APIs that must throw (the command line, file I/O).
///
/// `isUsage` marks problems with the command itself (bad flag, unreadable folder) rather than
/// with content: the command line maps those to exit code 2.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The problems, sorted.
    public var diagnostics: [Diagnostic]
    /// True for usage or I/O problems (exit 2) rather than content problems (exit 1).
    public var isUsage: Bool

    /// Creates an error from diagnostics.
    public init(_ diagnostics: [Diagnostic], isUsage: Bool = false) {
        self.diagnostics = diagnostics.sorted()
        self.isUsage = isUsage
    }

    /// Creates a usage or I/O error with a single message.
    public static func usage(_ message: String, file: String = "playbook", hint: String? = nil)
        -> DiagnosticError
    {
        DiagnosticError(
            [.error("usage", at: SourceLocation(file: file), message, hint: hint)], isUsage: true)
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

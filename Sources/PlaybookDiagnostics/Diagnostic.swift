/// One problem found in the user's input: where it is, how serious it is, what is wrong and
/// (when it helps) what to do about it.
///
/// Diagnostics are values: every stage returns them, the command line sorts and prints them once.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How serious the problem is.
    public var severity: Severity
    /// A stable identifier such as `link/broken` or `frontmatter/yaml`, printed in brackets.
    public var code: String
    /// Where the problem is.
    public var location: SourceLocation
    /// A plain sentence saying what is wrong.
    public var message: String
    /// What to do about it, when the tool can tell.
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, code: String, at location: SourceLocation, _ message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// Shorthand for an error.
    public static func error(
        _ code: String, at location: SourceLocation, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code: code, at: location, message, hint: hint)
    }

    /// Shorthand for a warning.
    public static func warning(
        _ code: String, at location: SourceLocation, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, at: location, message, hint: hint)
    }

    /// The compiler-style form: `path:line:col: error: message [code]`, then an indented hint line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message) [\(code)]"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }

    /// Orders by file, line, column, then code and message, so output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// True when any element is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The number of diagnostics of the given severity.
    public func count(of severity: Severity) -> Int { filter { $0.severity == severity }.count }

    /// A one-line summary such as `2 errors, 1 warning`.
    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(count(of: .error), "error")), \(plural(count(of: .warning), "warning"))"
    }
}

/// A diagnostic can be thrown or returned in a `Result` where a single problem stops the work.
extension Diagnostic: Error {}

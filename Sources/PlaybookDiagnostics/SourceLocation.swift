/// A position in a source file: a path as the user wrote or sees it, with a 1-based line and column.
///
/// Line and column are 0 when unknown (a file-level problem).
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file's path, relative to the site root where possible.
    public var file: String
    /// 1-based line, or 0 for the whole file.
    public var line: Int
    /// 1-based column, or 0 for the whole line.
    public var column: Int

    /// Creates a location; `line` and `column` default to 0 (the whole file).
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, leaving out the parts that are unknown.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

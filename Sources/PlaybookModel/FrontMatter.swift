public import PlaybookDiagnostics

/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatter: Sendable {
    /// The YAML between the `---` lines, or `nil` when the file has no front matter.
    public var yaml: String?
    /// The Markdown after the closing `---`.
    public var body: Substring
    /// How many lines of the file come before the body (0 without front matter).
    public var bodyLineOffset: Int

    /// Splits `text` at its front matter.
    ///
    /// - Returns: the parts, or an error positioned at the opening `---` when the front matter
    ///   is never closed.
    public static func split(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        guard text.hasPrefix("---"), let firstBreak = text.firstIndex(of: "\n"),
            text[text.startIndex..<firstBreak].trimmingCharacters(in: " \t\r") == "---"
        else {
            return .success(FrontMatter(yaml: nil, body: Substring(text), bodyLineOffset: 0))
        }
        // Line by line over the UTF-8 bytes: the fences are ASCII, and a byte scan is several
        // times faster than walking Characters.
        let utf8 = text.utf8
        var lineStart = utf8.index(after: firstBreak)
        var line = 2
        let yamlStart = lineStart
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if isFence(utf8[lineStart..<lineEnd]) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return .success(
                    FrontMatter(
                        yaml: String(text[yamlStart..<lineStart]), body: text[bodyStart...],
                        bodyLineOffset: line))
            }
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            line += 1
        }
        return .failure(
            .error(
                "frontmatter/unclosed", at: SourceLocation(file: file, line: 1, column: 1),
                "the front matter opened here is never closed",
                hint: "add a line with '---' after the last front matter key"))
    }

    /// True for a line that is `---` or `...` with optional spaces, tabs and a CR around it.
    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        guard let first = line.firstIndex(where: { !blank($0) }), let last = line.lastIndex(where: { !blank($0) }) else {
            return false
        }
        let content = line[first...last]
        return content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8)
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> Substring {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return slice
    }
}

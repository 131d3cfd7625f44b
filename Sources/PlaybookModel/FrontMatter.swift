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
        var lineStart = text.index(after: firstBreak)
        var line = 2
        let yamlStart = lineStart
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let content = text[lineStart..<lineEnd].trimmingCharacters(in: " \t\r")
            if content == "---" || content == "..." {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return .success(
                    FrontMatter(
                        yaml: String(text[yamlStart..<lineStart]), body: text[bodyStart...],
                        bodyLineOffset: line))
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            line += 1
        }
        return .failure(
            .error(
                "frontmatter/unclosed", at: SourceLocation(file: file, line: 1, column: 1),
                "the front matter opened here is never closed",
                hint: "add a line with '---' after the last front matter key"))
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

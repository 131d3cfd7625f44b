/// Text with `code spans` split into segments a template can mark up without building HTML in
/// Swift: `{{#segments}}{{#isCode}}<code>{{text}}</code>{{/isCode}}{{^isCode}}{{text}}{{/isCode}}{{/segments}}`.
enum InlineCode {
    /// The segments of `text`, alternating plain text and code; every key set on every segment.
    static func segments(_ text: String) -> [[String: Any]] {
        var result: [[String: Any]] = []
        for (offset, part) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() where !part.isEmpty {
            result.append(["text": String(part), "isCode": offset % 2 == 1])
        }
        return result
    }

    /// The text without backticks, for places that take plain text (`<meta name="description">`).
    static func plain(_ text: String) -> String { text.filter { $0 != "`" } }
}

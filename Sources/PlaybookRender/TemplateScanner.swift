internal import PlaybookDiagnostics
internal import Foundation

/// Reads the tags of a Mustache template to find what swift-mustache would silently render as
/// empty: partials that do not exist and variables no view model provides.
struct TemplateScanner {
    let text: String
    let file: String

    struct Tag {
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
    }

    func check(templates: Set<String>, variables: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for tag in tags() {
            let location = SourceLocation(file: file, line: tag.line, column: tag.column)
            switch tag.sigil {
            case ">", "<":
                if !templates.contains(tag.name) {
                    diagnostics.append(
                        .error(
                            "template/unknown-partial", at: location,
                            "the partial '\(tag.name)' does not exist",
                            hint: Suggestions.didYouMean(tag.name, in: templates)
                                ?? "partials are named by their path under templates/ without .mustache"))
                }
            case "!", "=", "%", "$":
                break
            default:
                let first = String(tag.name.split(separator: ".").first ?? "")
                if !first.isEmpty, tag.name != ".", !variables.contains(first) {
                    diagnostics.append(
                        .error(
                            "template/unknown-variable", at: location,
                            "'\(tag.name)' is not a value the build provides, so it would render as nothing",
                            hint: Suggestions.didYouMean(first, in: variables)))
                }
            }
        }
        return diagnostics
    }

    /// Every `{{…}}` tag with its sigil, name and 1-based position.
    func tags() -> [Tag] {
        var result: [Tag] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            // The Character first: a prefix test at every position was 1.5% of a 1,000-page
            // build's instructions.
            let character = text[index]
            if character == "{", text[index...].hasPrefix("{{") {
                let start = (line, column)
                var end = text.index(index, offsetBy: 2)
                let triple = text[end...].hasPrefix("{")
                guard let close = closing(triple ? "}}}" : "}}", from: end) else { break }
                if triple { end = text.index(after: end) }
                var body = Substring(text[end..<close.lowerBound]).trimmed()
                var sigil: Character? = nil
                if let first = body.first, "#^/>!&<$=%".contains(first) {
                    sigil = first
                    body = body.dropFirst().trimmed()
                }
                if sigil != "/" {
                    result.append(Tag(sigil: sigil, name: String(body.split(separator: " ").first ?? ""), line: start.0, column: start.1))
                }
                for character in text[index..<close.upperBound] {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = close.upperBound
                continue
            }
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return result
    }
}

extension TemplateScanner {
    /// The first `marker` at or after `start`: found in the UTF-8 bytes (Foundation's
    /// `range(of:)` cost 48,000 instructions a tag), or by Foundation when the bytes found do not
    /// stand at Character boundaries (a combining mark after a brace).
    fileprivate func closing(_ marker: String, from start: String.Index) -> Range<String.Index>? {
        let utf8 = text.utf8
        let needle = Array(marker.utf8)
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == needle[0], utf8[index...].starts(with: needle) {
                let end = utf8.index(index, offsetBy: needle.count)
                guard let lower = index.samePosition(in: text), let upper = end.samePosition(in: text) else { break }
                return lower..<upper
            }
            index = utf8.index(after: index)
        }
        return text[start...].range(of: marker)
    }
}

extension Substring {
    fileprivate func trimmed() -> Substring {
        var slice = self
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}

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
            if text[index...].hasPrefix("{{") {
                let start = (line, column)
                var end = text.index(index, offsetBy: 2)
                let triple = text[end...].hasPrefix("{")
                guard let close = text[end...].range(of: triple ? "}}}" : "}}") else { break }
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
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return result
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

/// The first level-1 heading of a Markdown body, found without parsing the whole document, for
/// pages whose title is not in front matter (as on GitHub, where `# Title` is the title).
///
/// Headings inside fenced code, indented code and HTML comments are not headings. The scan is
/// line by line and linear in the body.
struct TitleHeading: Equatable {
    /// The heading as plain text: inline markup, escapes and closing `#`s removed.
    var text: String
    /// 0-based lines of the body the heading takes (one for `# Title`, two for a setext heading).
    var lines: ClosedRange<Int>

    /// The first level-1 heading of `body`, or `nil` when it has none.
    static func find(in body: Substring) -> TitleHeading? {
        var fence: (marker: Character, length: Int)?
        var inComment = false
        var previous: (text: Substring, index: Int, startsParagraph: Bool)?
        var index = 0
        var lastWasBlank = true
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { index += 1 }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if let open = fence {
                let run = content.prefix { $0 == open.marker }.count
                if indent < 4, run >= open.length, content.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    fence = nil
                }
                previous = nil
                lastWasBlank = false
                continue
            }
            if inComment {
                if content.contains("-->") { inComment = false }
                previous = nil
                continue
            }
            let isBlank = content.allSatisfy { $0 == " " || $0 == "\t" }
            defer { lastWasBlank = isBlank }
            if isBlank {
                previous = nil
                continue
            }
            if indent >= 4, lastWasBlank || previous == nil {
                previous = nil  // indented code
                continue
            }
            if indent < 4, let marker = content.first, marker == "`" || marker == "~" {
                let run = content.prefix { $0 == marker }.count
                if run >= 3, !(marker == "`" && content.dropFirst(run).contains("`")) {
                    fence = (marker, run)
                    previous = nil
                    continue
                }
            }
            if content.hasPrefix("<!--") {
                inComment = !content.dropFirst(4).contains("-->")
                previous = nil
                continue
            }
            if indent < 4, let text = atxLevelOne(content) {
                return TitleHeading(text: plain(text), lines: index...index)
            }
            if indent < 4, let prior = previous, prior.startsParagraph, isSetextOne(content) {
                return TitleHeading(text: plain(prior.text.drop { $0 == " " }), lines: prior.index...index)
            }
            previous = (line, index, lastWasBlank && !startsOtherBlock(content))
        }
        return nil
    }

    /// The body with the heading's lines emptied, so it is not shown twice and every other line
    /// keeps its number (diagnostics point into the file).
    func removed(from body: Substring) -> String {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        for line in self.lines where line < lines.count { lines[line] = "" }
        return lines.joined(separator: "\n")
    }

    /// The text of `# Title` or `# Title #`; `nil` for other lines (`##`, `#hashtag`).
    private static func atxLevelOne(_ line: Substring) -> Substring? {
        guard line.first == "#" else { return nil }
        let rest = line.dropFirst()
        if rest.isEmpty { return rest }
        guard rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        // A closing sequence of '#'s, preceded by a space, is not part of the heading.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let before = text.dropLast(closing)
            if before.isEmpty || before.last == " " || before.last == "\t" {
                text = before
                while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            }
        }
        return text
    }

    private static func isSetextOne(_ line: Substring) -> Bool {
        var text = line
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return !text.isEmpty && text.allSatisfy { $0 == "=" }
    }

    /// Lines that start a list item, quote, heading, table row or HTML block rather than a paragraph.
    private static func startsOtherBlock(_ line: Substring) -> Bool {
        guard let first = line.first else { return true }
        if "#>|<".contains(first) { return true }
        if "-*+".contains(first), line.dropFirst().first == " " || line.count == 1 { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == "." || after == ")" { return true }
        return false
    }

    /// Heading Markdown as plain text: `[text](url)` → text, emphasis and code marks dropped,
    /// backslash escapes and common entities resolved.
    static func plain(_ markdown: Substring) -> String {
        let text = Array(markdown)
        var output = ""
        var index = 0
        while index < text.count {
            let character = text[index]
            let next: Character = index + 1 < text.count ? text[index + 1] : " "
            switch character {
            case "\\" where next.isPunctuation || next.isSymbol:
                output.append(next)
                index += 2
                continue
            case "*", "`":
                break
            case "_":
                // Only emphasis marks at a word's edge; snake_case stays.
                let before: Character = index > 0 ? text[index - 1] : " "
                if before.isLetter || before.isNumber, next.isLetter || next.isNumber { output.append("_") }
            case "!" where next == "[" && linkEnd(text, from: index + 1) != nil:
                break
            case "[":
                if let end = linkEnd(text, from: index) {
                    output += plain(Substring(String(text[(index + 1)..<end.label])))
                    index = end.after
                    continue
                }
                output.append(character)
            case "&":
                if let entity = entity(in: markdown.dropFirst(index)) {
                    output.append(entity.character)
                    index += entity.length
                    continue
                }
                output.append(character)
            default:
                output.append(character)
            }
            index += 1
        }
        return output.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// For `[label](destination)` starting at `start`: where the label ends and the index after `)`.
    private static func linkEnd(_ text: [Character], from start: Int) -> (label: Int, after: Int)? {
        guard start < text.count, text[start] == "[",
            let close = text[start...].firstIndex(of: "]"), close + 1 < text.count, text[close + 1] == "(",
            let paren = text[(close + 1)...].firstIndex(of: ")")
        else { return nil }
        return (close, paren + 1)
    }

    private static let entities: [String: Character] = [
        "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&nbsp;": " ",
    ]

    private static func entity(in text: Substring) -> (character: Character, length: Int)? {
        guard let semicolon = text.prefix(8).firstIndex(of: ";") else { return nil }
        let name = String(text[...semicolon])
        return entities[name].map { ($0, name.count) }
    }
}

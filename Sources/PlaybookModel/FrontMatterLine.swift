/// One `key: value` line of a front matter, read as bytes so that it can be rewritten without
/// touching anything but the value: the key as written (quoted or not), the spaces after the
/// colon, a comment after the value and the line ending all stay as they are.
enum FrontMatterLine {
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let hash = UInt8(ascii: "#")
    private static let colon = UInt8(ascii: ":")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")

    /// Where the value of a block mapping's `key: value` line is, as offsets into `line` (the
    /// line without its line ending).
    ///
    /// - Returns: the value's range (empty for `key:` or `key: # comment`), or `nil` when the line
    ///   is not a one-line `key: value` pair: a flow mapping, a block scalar (`|`, `>`), a quoted
    ///   value that goes on to the next line.
    static func valueRange(in line: ArraySlice<UInt8>) -> Range<Int>? {
        var index = skipBlanks(line, from: line.startIndex)
        guard index < line.endIndex else { return nil }
        if line[index] == doubleQuote || line[index] == singleQuote {
            guard let end = quotedEnd(line, from: index) else { return nil }
            index = skipBlanks(line, from: end)
            guard index < line.endIndex, line[index] == colon else { return nil }
        } else {
            guard !"{[?-&*!|>%@`#,".utf8.contains(line[index]) else { return nil }
            guard let found = plainKeyColon(line, from: index) else { return nil }
            index = found
        }
        let start = skipBlanks(line, from: index + 1)
        guard start < line.endIndex, line[start] != hash else { return start..<start }
        if line[start] == UInt8(ascii: "|") || line[start] == UInt8(ascii: ">") { return nil }
        var end: Int
        if line[start] == doubleQuote || line[start] == singleQuote {
            guard let quoteEnd = quotedEnd(line, from: start) else { return nil }
            end = commentStart(line, from: quoteEnd, flow: false)
        } else {
            let flow = line[start] == UInt8(ascii: "[") || line[start] == UInt8(ascii: "{")
            end = commentStart(line, from: start, flow: flow)
        }
        while end > start, line[end - 1] == space || line[end - 1] == tab { end -= 1 }
        return start..<end
    }

    /// The line with its value replaced by `value` (already written as YAML), keeping the key,
    /// the blanks around the value, any comment and the line ending; `nil` when `valueRange`
    /// cannot read the line.
    static func replacingValue(in line: ArraySlice<UInt8>, with value: String) -> [UInt8]? {
        var content = line
        while let last = content.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
            content = content.dropLast()
        }
        guard let range = valueRange(in: content) else { return nil }
        var before = Array(content[content.startIndex..<range.lowerBound])
        var after = Array(line[range.upperBound...])
        if range.isEmpty {
            // `key:` or `key:# …` — a value needs a blank after the colon and before a comment.
            if before.last != space && before.last != tab { before.append(space) }
            if after.first == hash { after.insert(space, at: 0) }
        }
        return before + Array(value.utf8) + after
    }

    /// `text` as a YAML scalar that reads back as the same text: plain when YAML reads it as
    /// text or a date, else double-quoted with `\` and `"` escaped.
    static func scalar(_ text: String) -> String {
        let kind = YAMLScalarResolver.kind(ofPlain: text)
        if (kind == .string || kind == .timestamp), isSafePlain(text) { return text }
        var quoted = "\""
        for character in text {
            switch character {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }

    /// True when `text` can stand unquoted as a block value: no indicator at its start, no
    /// `: ` or ` #` inside, no blanks at its ends, nothing outside printable text.
    private static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" {
            return false
        }
        if text.contains(": ") || text.contains(" #") { return false }
        return !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" }
    }

    private static func skipBlanks(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex, line[index] == space || line[index] == tab { index += 1 }
        return index
    }

    /// The offset just after the closing quote of the quoted scalar opening at `start`, or `nil`
    /// when it does not close on this line.
    private static func quotedEnd(_ line: ArraySlice<UInt8>, from start: Int) -> Int? {
        let quote = line[start]
        var index = start + 1
        while index < line.endIndex {
            let byte = line[index]
            if quote == doubleQuote, byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == quote {
                // `''` inside a single-quoted scalar is an escaped quote.
                if quote == singleQuote, index + 1 < line.endIndex, line[index + 1] == singleQuote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// The offset of the `:` that ends a plain key: the first followed by a blank or the end.
    private static func plainKeyColon(_ line: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < line.endIndex {
            if line[index] == hash, index > start, line[index - 1] == space || line[index - 1] == tab { return nil }
            if line[index] == colon, index + 1 == line.endIndex || line[index + 1] == space || line[index + 1] == tab {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The offset where a comment starts (a `#` after a blank, outside quotes in a flow value),
    /// or the end of the line.
    private static func commentStart(_ line: ArraySlice<UInt8>, from start: Int, flow: Bool) -> Int {
        var index = start
        var quote: UInt8?
        while index < line.endIndex {
            let byte = line[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if flow, byte == doubleQuote || byte == singleQuote {
                quote = byte
            } else if byte == hash, index > start, line[index - 1] == space || line[index - 1] == tab {
                return index
            }
            index += 1
        }
        return line.endIndex
    }
}

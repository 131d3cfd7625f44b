/// The line grammar of GFM tables (spec section 4.10): splitting a row into cells and reading
/// the delimiter row, on the bytes of one source line with container prefixes removed.
///
/// Slices keep the indices of the whole source text, so a cell knows its column.
enum TableBlock {
    /// The alignment a delimiter cell (`:--`, `--:`, `:-:`) gives its column.
    enum Alignment: Equatable {
        case none, left, center, right

        /// The opening tag of a cell in this column.
        func openTag(header: Bool) -> String {
            let name = header ? "th" : "td"
            switch self {
            case .none: return "<\(name)>"
            case .left: return "<\(name) align=\"left\">"
            case .center: return "<\(name) align=\"center\">"
            case .right: return "<\(name) align=\"right\">"
            }
        }
    }

    /// One cell of a row: its text with `\|` unescaped and surrounding whitespace trimmed.
    struct Cell {
        /// The text to parse as inline Markdown.
        var text: [UInt8]
        /// Offset in the source text where `text` starts.
        var sourceOffset: Int
        /// Offsets in `text` where a backslash before `|` was removed, ascending.
        var unescapedAt: [Int]

        /// The source offset of byte `offset` of `text`.
        func sourceOffset(of offset: Int) -> Int {
            var removed = 0
            for position in unescapedAt where position <= offset { removed += 1 }
            return sourceOffset + offset + removed
        }
    }

    /// Splits a row into cells as cmark-gfm does: an optional leading pipe, cells separated by
    /// unescaped pipes, an optional trailing pipe. Empty when the line holds no cell (`|`).
    static func cells(in line: ArraySlice<UInt8>) -> [Cell] {
        var cells: [Cell] = []
        var index = pipeEnd(in: line, at: line.startIndex)
        var expectMore = true
        while index < line.endIndex, expectMore {
            let cellEnd = self.cellEnd(in: line, from: index)
            let afterPipe = pipeEnd(in: line, at: cellEnd)
            if cellEnd > index || afterPipe > cellEnd {
                cells.append(cell(line[index..<cellEnd]))
            }
            expectMore = afterPipe > cellEnd
            index = afterPipe
        }
        return cells
    }

    /// The alignments of a delimiter row (`| :-- | --: |`), or `nil` when the line is not one.
    static func alignments(in line: ArraySlice<UInt8>) -> [Alignment]? {
        var index = line.startIndex
        if index < line.endIndex, line[index] == pipe { index += 1 }
        var result: [Alignment] = []
        while true {
            index = skipSpace(in: line, from: index)
            let left = index < line.endIndex && line[index] == colon
            if left { index += 1 }
            let dashes = index
            while index < line.endIndex, line[index] == UInt8(ascii: "-") { index += 1 }
            guard index > dashes else { return nil }
            let right = index < line.endIndex && line[index] == colon
            if right { index += 1 }
            index = skipSpace(in: line, from: index)
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
            if index == line.endIndex { return result }
            guard line[index] == pipe else { return nil }
            index += 1
            if skipSpace(in: line, from: index) == line.endIndex { return result }
        }
    }

    /// Whether a line after a table row starts a block that plain cmark keeps in the paragraph
    /// (it cannot interrupt one) but that ends a GFM table: indented code, a list item that is
    /// empty or starts at a number other than 1, or an HTML block of type 7.
    static func startsBlockInsideTable(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        var columns = 0
        while index < line.endIndex, line[index] == space || line[index] == tab {
            columns += line[index] == tab ? 4 - columns % 4 : 1
            index += 1
        }
        guard index < line.endIndex else { return false }
        if columns >= 4 { return true }
        let rest = line[index...]
        return isListMarker(rest) || isHTMLType7Start(rest)
    }

    // MARK: - Scanning

    private static let pipe = UInt8(ascii: "|")
    private static let colon = UInt8(ascii: ":")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let backslash = UInt8(ascii: "\\")

    /// cmark-gfm's `spacechar`: space, tab, vertical tab, form feed.
    private static func isSpaceChar(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == 0x0B || byte == 0x0C
    }

    private static func skipSpace(in line: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex, isSpaceChar(line[index]) { index += 1 }
        return index
    }

    /// After a `|` and the spaces following it; `start` when there is no pipe there.
    private static func pipeEnd(in line: ArraySlice<UInt8>, at start: Int) -> Int {
        guard start < line.endIndex, line[start] == pipe else { return start }
        return skipSpace(in: line, from: start + 1)
    }

    /// The end of a cell's text: the next pipe not preceded by a backslash, or the line's end.
    private static func cellEnd(in line: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex {
            if line[index] == backslash, index + 1 < line.endIndex, line[index + 1] == pipe {
                index += 2
            } else if line[index] == pipe {
                break
            } else {
                index += 1
            }
        }
        return index
    }

    private static func cell(_ raw: ArraySlice<UInt8>) -> Cell {
        var start = raw.startIndex
        var end = raw.endIndex
        while start < end, isTrimmed(raw[start]) { start += 1 }
        while end > start, isTrimmed(raw[end - 1]) { end -= 1 }
        var text: [UInt8] = []
        text.reserveCapacity(end - start)
        var unescapedAt: [Int] = []
        var index = start
        while index < end {
            if raw[index] == backslash, index + 1 < end, raw[index + 1] == pipe {
                unescapedAt.append(text.count)
                index += 1
            }
            text.append(raw[index])
            index += 1
        }
        return Cell(text: text, sourceOffset: start, unescapedAt: unescapedAt)
    }

    /// cmark's `cmark_isspace`, which trims cells.
    private static func isTrimmed(_ byte: UInt8) -> Bool {
        isSpaceChar(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// `-`, `+`, `*`, or 1–9 digits and `.` or `)`, followed by a space, a tab or the line's end.
    private static func isListMarker(_ rest: ArraySlice<UInt8>) -> Bool {
        guard let first = rest.first else { return false }
        var index = rest.startIndex
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
            index += 1
        } else {
            while index < rest.endIndex, index - rest.startIndex < 9, isDigit(rest[index]) { index += 1 }
            guard index > rest.startIndex, index < rest.endIndex,
                rest[index] == UInt8(ascii: ".") || rest[index] == UInt8(ascii: ")")
            else { return false }
            index += 1
        }
        return index == rest.endIndex || rest[index] == space || rest[index] == tab
    }

    /// A complete opening or closing tag alone on its line (CommonMark HTML block type 7),
    /// checked loosely: a tag name, then anything without `<` up to a final `>`.
    private static func isHTMLType7Start(_ rest: ArraySlice<UInt8>) -> Bool {
        var index = rest.startIndex
        guard index < rest.endIndex, rest[index] == UInt8(ascii: "<") else { return false }
        index += 1
        if index < rest.endIndex, rest[index] == UInt8(ascii: "/") { index += 1 }
        let nameStart = index
        guard index < rest.endIndex, isLetter(rest[index]) else { return false }
        while index < rest.endIndex, isLetter(rest[index]) || isDigit(rest[index]) || rest[index] == UInt8(ascii: "-") {
            index += 1
        }
        let name = String(decoding: rest[nameStart..<index], as: UTF8.self).lowercased()
        if ["script", "pre", "style", "textarea"].contains(name) { return false }
        var end = rest.endIndex
        while end > index, isSpaceChar(rest[end - 1]) { end -= 1 }
        guard end > index, rest[end - 1] == UInt8(ascii: ">") else { return false }
        guard index == end - 1 || isSpaceChar(rest[index]) || rest[index] == UInt8(ascii: "/") else { return false }
        return !rest[index..<(end - 1)].contains(UInt8(ascii: "<"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}

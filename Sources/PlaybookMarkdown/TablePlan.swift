internal import CMark

/// Where a GFM table sits in the source lines of a paragraph (or of a setext heading, whose
/// underline plain cmark took from a table), found before the tree is edited.
struct TablePlan {
    /// A source line with its container prefixes removed.
    struct Line {
        /// 1-based line number in the Markdown text.
        var number: Int
        /// The line's text; indices are offsets into the source bytes.
        var text: ArraySlice<UInt8>
    }

    /// A table row and the line it came from.
    struct Row {
        var line: Int
        var cells: [TableBlock.Cell]
    }

    /// At most this many empty cells are added to short rows in one document; past it the table
    /// ends, so a wide header over many short rows stays linear (cmark-gfm has a like limit).
    static let maxPaddingCells = 500_000

    /// The paragraph or heading the table replaces.
    var node: OpaquePointer
    /// Lines before the header row: they stay a paragraph.
    var before: [Line] = []
    var header: Row
    var alignments: [TableBlock.Alignment]
    var body: [Row] = []
    /// Lines after the table that cmark kept in the paragraph but that GFM reads as other
    /// blocks (a lazy line, an indented code line, a list item that could not interrupt a
    /// paragraph): they are parsed again as blocks after the table.
    var after: [Line] = []
    /// When `after` starts with a lazy line (one missing a block quote's `>` or a list item's
    /// indentation), GFM ends that container there: the block (the quote, or the list of the
    /// item) to put `after` behind. `nil` puts it right after the table.
    var afterAnchor: OpaquePointer?
    /// A list item closed that way which has items after it: they go on in a new list after `after`.
    var itemsAfter: OpaquePointer?
    /// A setext `---` underline under the table, which GFM reads as a thematic break.
    var thematicBreak = false

    /// The table in `node`'s lines, if any: the first header row followed by a delimiter row
    /// with as many cells.
    static func find(in node: OpaquePointer, lines: SourceLines, padding: inout Int) -> TablePlan? {
        let isHeading = cmark_node_get_type(node) == CMARK_NODE_HEADING
        let first = Int(cmark_node_get_start_line(node))
        var last = min(Int(cmark_node_get_end_line(node)), lines.count)
        guard first >= 1, last > first,
            hasDelimiterCandidate(lines: lines, from: first + 1, through: last)
        else { return nil }
        let prefix = ContainerPrefix(of: node, lines: lines)
        if isHeading {
            // cmark's end line of a setext heading can be the line after its underline.
            guard let underline = (first + 1...last).first(where: { isUnderline(prefix.strip(lines.line($0))) })
            else { return nil }
            last = underline
        }
        let contentLast = isHeading ? last - 1 : last
        guard contentLast > first else { return nil }
        let source = Source(
            node: node, lines: lines, prefix: prefix, first: first,
            texts: texts(of: node, lines: lines, prefix: prefix, from: first, through: contentLast))
        guard let found = source.headerAndDelimiter() else { return nil }

        var plan = TablePlan(
            node: node, header: Row(line: first + found.delimiter - 1, cells: found.header),
            alignments: found.alignments)
        for index in 0..<(found.delimiter - 1) {
            plan.before.append(Line(number: first + index, text: source.trimmed(index)))
        }
        var index = plan.appendBody(from: source, at: found.delimiter + 1, padding: &padding)
        let keptLevels = plan.closeLazyContainer(source, at: index)
        while index < source.texts.count {
            let raw = lines.line(first + index)
            plan.after.append(Line(number: first + index, text: strip(raw, prefix: prefix, levels: keptLevels)))
            index += 1
        }
        if isHeading { plan.placeUnderline(strip(lines.line(last), prefix: prefix, levels: keptLevels), line: last) }
        return plan
    }

    /// A paragraph's lines as `find` reads them.
    private struct Source {
        var node: OpaquePointer
        var lines: SourceLines
        var prefix: ContainerPrefix
        /// The paragraph's first line number.
        var first: Int
        /// Each line's text without its container prefixes, or nil when it is lazy.
        var texts: [ArraySlice<UInt8>?]

        /// The line at `index`, leading spaces removed (a lazy line whole).
        func trimmed(_ index: Int) -> ArraySlice<UInt8> {
            trimLeading(texts[index] ?? lines.line(first + index))
        }

        /// The first delimiter row whose line above has as many cells: its index, alignments
        /// and the header's cells.
        func headerAndDelimiter() -> (delimiter: Int, alignments: [TableBlock.Alignment], header: [TableBlock.Cell])? {
            for index in 1..<texts.count {
                guard let text = texts[index], indentColumns(text) < 4,
                    let found = TableBlock.alignments(in: trimLeading(text))
                else { continue }
                // A lazy line keeps its leading spaces in cmark-gfm's paragraph text: a cell of its own.
                let headerLine = texts[index - 1].map(trimLeading) ?? {
                    let raw = lines.line(first + index - 1)
                    return raw[prefix.contentStart(of: raw)...]
                }()
                let cells = TableBlock.cells(in: headerLine)
                if cells.count == found.count { return (index, found, cells) }
            }
            return nil
        }
    }

    /// Each line's text from `first` through `last`, or nil when it is lazy.
    private static func texts(
        of node: OpaquePointer, lines: SourceLines, prefix: ContainerPrefix, from first: Int, through last: Int
    ) -> [ArraySlice<UInt8>?] {
        var texts: [ArraySlice<UInt8>?] = []
        texts.reserveCapacity(last - first + 1)
        for number in first...last {
            let line = lines.line(number)
            if number == first {
                let column = Int(cmark_node_get_start_column(node))
                let offset = min(line.endIndex, line.startIndex + max(column - 1, 0))
                texts.append(line[offset...])
            } else {
                texts.append(prefix.strip(line))
            }
        }
        return texts
    }

    /// Adds the body rows that start at `index`; returns the index of the first line after them.
    private mutating func appendBody(from source: Source, at start: Int, padding: inout Int) -> Int {
        var index = start
        while index < source.texts.count {
            guard let text = source.texts[index], !TableBlock.startsBlockInsideTable(text) else { break }
            let cells = TableBlock.cells(in: Self.trimLeading(text))
            guard !cells.isEmpty else { break }
            if cells.count < alignments.count {
                padding += alignments.count - cells.count
                if padding > Self.maxPaddingCells { break }
            }
            body.append(Row(line: source.first + index, cells: cells))
            index += 1
        }
        return index
    }

    /// When the line at `index` is lazy, ends the container it falls out of after the table;
    /// returns how many containers' prefixes the lines for `after` keep (`Int.max`: all).
    private mutating func closeLazyContainer(_ source: Source, at index: Int) -> Int {
        guard index < source.texts.count, source.texts[index] == nil,
            case .lazy(let level) = source.prefix.strip(source.lines.line(source.first + index), levels: .max),
            let anchor = Self.anchor(closing: source.prefix.containers[level], from: node)
        else { return Int.max }
        afterAnchor = anchor
        if anchor != source.prefix.containers[level], cmark_node_next(source.prefix.containers[level]) != nil {
            itemsAfter = source.prefix.containers[level]
        }
        return level
    }

    /// A setext underline below the table: a thematic break, one more row, or a line for `after`.
    private mutating func placeUnderline(_ underline: ArraySlice<UInt8>, line: Int) {
        let mark = Self.trimLeading(underline)
        if !after.isEmpty || TableBlock.startsBlockInsideTable(underline) {
            after.append(Line(number: line, text: underline))
        } else if mark.first == UInt8(ascii: "-"), mark.filter({ $0 == UInt8(ascii: "-") }).count >= 3 {
            thematicBreak = true
        } else {
            body.append(Row(line: line, cells: TableBlock.cells(in: mark)))
        }
    }

    /// A line without the prefixes of the outermost `levels` containers; whole when one is missing.
    private static func strip(_ line: ArraySlice<UInt8>, prefix: ContainerPrefix, levels: Int) -> ArraySlice<UInt8> {
        if case .stripped(let text) = prefix.strip(line, levels: levels) { return text }
        return line
    }

    /// The block after which lines that close `container` go: the block quote itself, or the
    /// list of a list item. `nil` unless `node` is the last thing in it, so nothing moves ahead
    /// of content that follows in the container (later items of a list excepted).
    private static func anchor(closing container: OpaquePointer, from node: OpaquePointer) -> OpaquePointer? {
        var current = node
        while current != container {
            guard cmark_node_next(current) == nil, let parent = cmark_node_parent(current) else { return nil }
            current = parent
        }
        if cmark_node_get_type(container) == CMARK_NODE_ITEM { return cmark_node_parent(container) }
        return cmark_node_next(container) == nil ? container : nil
    }

    /// A setext heading underline: up to three spaces, `=`s or `-`s, trailing spaces.
    private static func isUnderline(_ text: ArraySlice<UInt8>?) -> Bool {
        guard let text else { return false }
        let mark = trimLeading(text)
        guard let character = mark.first, character == UInt8(ascii: "=") || character == UInt8(ascii: "-"),
            text.count - mark.count <= 3
        else { return false }
        var rest = mark.drop { $0 == character }
        while let byte = rest.first, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { rest = rest.dropFirst() }
        return rest.isEmpty
    }

    /// A cheap look for a line that could be a delimiter row: a `-` and a `|` or `:`.
    private static func hasDelimiterCandidate(lines: SourceLines, from first: Int, through last: Int) -> Bool {
        for number in first...last {
            var dash = false
            var other = false
            for byte in lines.line(number) {
                if byte == UInt8(ascii: "-") {
                    dash = true
                } else if byte == UInt8(ascii: "|") || byte == UInt8(ascii: ":") {
                    other = true
                }
                if dash && other { return true }
            }
        }
        return false
    }

    private static func trimLeading(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var index = text.startIndex
        while index < text.endIndex, text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t") {
            index += 1
        }
        return text[index...]
    }

    private static func indentColumns(_ text: ArraySlice<UInt8>) -> Int {
        var columns = 0
        for byte in text {
            if byte == UInt8(ascii: " ") {
                columns += 1
            } else if byte == UInt8(ascii: "\t") {
                columns += 4 - columns % 4
            } else {
                break
            }
        }
        return columns
    }
}

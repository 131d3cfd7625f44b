internal import CMark

/// A 1-based line and byte column in the Markdown text.
struct SourcePosition: Hashable {
    var line: Int
    var column: Int
}

/// Turns paragraphs that hold GFM tables into table markup, before anything else reads the tree.
///
/// Plain cmark parses a table as a paragraph of soft-broken lines. This pass finds those
/// paragraphs from their source lines, parses each cell's text again (all cells of a document
/// in one cmark parse, see `TableScratch`), and puts custom blocks writing `<table>`, `<thead>`,
/// `<tbody>` and `<tr>` and custom inlines writing `<th>`/`<td>` in the paragraph's place, the
/// cells holding their parsed inlines. The writer's raw HTML in a cell stays an HTML node, so
/// cmark's safe mode treats it as anywhere else.
struct TablePass {
    /// Where links and images that came from a re-parse are in the Markdown text (cmark's own
    /// positions for them point into the re-parsed text).
    private(set) var positions: [OpaquePointer: SourcePosition] = [:]

    private let lines: SourceLines

    private init(lines: SourceLines) {
        self.lines = lines
    }

    /// Edits `document` (parsed from `lines` with `options`) in place; returns the source
    /// positions of links and images it moved.
    static func run(on document: OpaquePointer, lines: SourceLines, options: Int32) -> [OpaquePointer: SourcePosition] {
        guard lines.bytes.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ":") }) else { return [:] }
        let candidates = Self.candidates(in: document)
        guard !candidates.isEmpty else { return [:] }
        var pass = TablePass(lines: lines)
        var padding = 0
        let plans = candidates.compactMap { TablePlan.find(in: $0, lines: pass.lines, padding: &padding) }
        guard !plans.isEmpty else { return [:] }
        pass.apply(plans, options: options)
        return pass.positions
    }

    /// Paragraphs and setext headings spanning more than one line.
    private static func candidates(in document: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var nodes: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING,
                cmark_node_get_end_line(node) > cmark_node_get_start_line(node)
            {
                nodes.append(node)
            }
        }
        return nodes
    }

    private mutating func apply(_ plans: [TablePlan], options: Int32) {
        var scratch = TableScratch()
        // Chunk indices: each non-empty cell's, in plan, row and column order.
        var cellChunks: [[[Int?]]] = []
        for plan in plans {
            var rows: [[Int?]] = []
            for row in [plan.header] + plan.body {
                rows.append(
                    row.cells.prefix(plan.alignments.count).map { $0.text.isEmpty ? nil : scratch.addCell($0.text) })
            }
            cellChunks.append(rows)
        }
        let beforeChunks = plans.map { $0.before.isEmpty ? nil : scratch.addLines($0.before) }
        let afterChunks = plans.map { $0.after.isEmpty ? nil : scratch.addLines($0.after) }
        // No document when every cell is empty and no lines need parsing: the tables are still built.
        let parsed = scratch.parse(source: lines.bytes, options: options)
        defer { if let parsed { cmark_node_free(parsed) } }
        if scratch.bytes.contains(UInt8(ascii: "~")) {
            let strikethrough = Strikethrough(lines: SourceLines(bytes: scratch.bytes))
            for chunk in scratch.chunks {
                for block in chunk.blocks { strikethrough.apply(to: block) }
            }
        }

        for (index, plan) in plans.enumerated() {
            let node = plan.node
            if let chunk = beforeChunks[index] { moveBlocks(of: scratch.chunks[chunk], before: node) }
            if let table = makeTable(plan, cellChunks: cellChunks[index], scratch: scratch) {
                _ = cmark_node_insert_before(node, table)
            }
            if plan.thematicBreak, let rule = cmark_node_new(CMARK_NODE_THEMATIC_BREAK) {
                _ = cmark_node_insert_before(node, rule)
            }
            if let chunk = afterChunks[index] {
                let last = moveBlocks(of: scratch.chunks[chunk], before: node, orAfter: plan.afterAnchor)
                if let item = plan.itemsAfter, let last { Self.moveItems(after: item, toNewListAfter: last) }
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// `<table>`, `<thead>` with the header row, and `<tbody>` when there are body rows.
    private mutating func makeTable(_ plan: TablePlan, cellChunks: [[Int?]], scratch: TableScratch) -> OpaquePointer? {
        guard let table = Self.block("<table>", "</table>"), let head = Self.block("<thead>", "</thead>") else {
            return nil
        }
        _ = cmark_node_append_child(table, head)
        let rows = [plan.header] + plan.body
        var body: OpaquePointer?
        for (rowIndex, row) in rows.enumerated() {
            guard let tableRow = Self.block("<tr>", "</tr>") else { continue }
            if rowIndex == 0 {
                _ = cmark_node_append_child(head, tableRow)
            } else {
                if body == nil, let section = Self.block("<tbody>", "</tbody>") {
                    _ = cmark_node_append_child(table, section)
                    body = section
                }
                _ = cmark_node_append_child(body, tableRow)
            }
            let isHeader = rowIndex == 0
            for (column, alignment) in plan.alignments.enumerated() {
                guard let cell = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
                _ = cmark_node_set_on_enter(cell, alignment.openTag(header: isHeader))
                _ = cmark_node_set_on_exit(cell, isHeader ? "</th>\n" : "</td>\n")
                _ = cmark_node_append_child(tableRow, cell)
                let chunks = cellChunks[rowIndex]
                if column < chunks.count, let chunk = chunks[column], column < row.cells.count,
                    let paragraph = scratch.chunks[chunk].blocks.first
                {
                    fill(cell, from: paragraph, source: row.cells[column], line: row.line)
                }
            }
        }
        return table
    }

    /// Moves a re-parsed cell paragraph's inlines into `cell`, dropping the leading no-break space.
    private mutating func fill(_ cell: OpaquePointer, from paragraph: OpaquePointer, source: TableBlock.Cell, line: Int) {
        if let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(first)
        {
            let bytes = Array(String(cString: literal).utf8)
            if bytes.starts(with: TableScratch.noBreakSpace) {
                let rest = bytes.dropFirst(TableScratch.noBreakSpace.count)
                if rest.isEmpty {
                    cmark_node_unlink(first)
                    cmark_node_free(first)
                } else {
                    _ = cmark_node_set_literal(first, String(decoding: rest, as: UTF8.self))
                }
            }
        }
        let lineStart = lines.start(of: line)
        let prefix = TableScratch.noBreakSpace.count
        while let child = cmark_node_first_child(paragraph) {
            _ = cmark_node_append_child(cell, child)
            record(child) { _, column in
                let offset = source.sourceOffset(of: max(column - 1 - prefix, 0))
                return SourcePosition(line: line, column: offset - lineStart + 1)
            }
        }
    }

    /// Moves a list item's following items into a new list of the same kind after `block`.
    private static func moveItems(after item: OpaquePointer, toNewListAfter block: OpaquePointer) {
        guard let list = cmark_node_parent(item), let newList = cmark_node_new(CMARK_NODE_LIST) else { return }
        _ = cmark_node_set_list_type(newList, cmark_node_get_list_type(list))
        _ = cmark_node_set_list_delim(newList, cmark_node_get_list_delim(list))
        _ = cmark_node_set_list_tight(newList, cmark_node_get_list_tight(list))
        var start = cmark_node_get_list_start(list)
        var current = cmark_node_first_child(list)
        while let node = current, node != item {
            start += 1
            current = cmark_node_next(node)
        }
        _ = cmark_node_set_list_start(newList, start + 1)
        while let next = cmark_node_next(item) { _ = cmark_node_append_child(newList, next) }
        _ = cmark_node_insert_after(block, newList)
    }

    /// Moves a chunk's re-parsed blocks before `node`, or after `anchor` when there is one;
    /// returns the last block moved.
    @discardableResult
    private mutating func moveBlocks(
        of chunk: TableScratch.Chunk, before node: OpaquePointer, orAfter anchor: OpaquePointer? = nil
    ) -> OpaquePointer? {
        guard case .lines(let sourceLines) = chunk.kind, let firstSource = sourceLines.first else { return nil }
        let lines = self.lines
        var previous = anchor
        for block in chunk.blocks {
            cmark_node_unlink(block)
            if let after = previous {
                _ = cmark_node_insert_after(after, block)
                previous = block
            } else {
                _ = cmark_node_insert_before(node, block)
            }
            record(block) { line, column in
                let index = line - chunk.firstLine
                let source = index >= 0 && index < sourceLines.count ? sourceLines[index] : firstSource
                return SourcePosition(
                    line: source.number, column: source.text.startIndex - lines.start(of: source.number) + column)
            }
        }
        return chunk.blocks.last
    }

    /// Records where each link, image and raw HTML node under `node` is in the Markdown text.
    private mutating func record(_ node: OpaquePointer, position: (Int, Int) -> SourcePosition) {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_SOFTBREAK { return }
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_HTML_INLINE
                || type == CMARK_NODE_HTML_BLOCK
            {
                positions[child] = position(
                    Int(cmark_node_get_start_line(child)), Int(cmark_node_get_start_column(child)))
            }
        }
    }

    /// A custom block writing `open` before its children and `close` after them.
    private static func block(_ open: String, _ close: String) -> OpaquePointer? {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        _ = cmark_node_set_on_enter(block, open)
        _ = cmark_node_set_on_exit(block, close)
        return block
    }
}

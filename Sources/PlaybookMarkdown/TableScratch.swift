internal import CMark

/// One Markdown text holding every piece of table source that must be parsed again — each cell,
/// the lines before a header row, the lines after a table — so one cmark parse gives their nodes.
///
/// A cell is written as its own paragraph behind a no-break space, which keeps `# x`, `- x` or
/// `[a]: b` in a cell inline text (as in GFM) and, being Unicode whitespace, leaves the flanking
/// of a leading `*` or `_` as at the start of a line. When a piece may use a link reference, the
/// whole document follows the pieces, so its definitions resolve as they would in place.
struct TableScratch {
    enum Kind {
        case cell
        case lines([TablePlan.Line])
        case separator
    }

    struct Chunk {
        var firstLine: Int
        var kind: Kind
        /// The top-level blocks the parse gave this chunk.
        var blocks: [OpaquePointer] = []
    }

    private(set) var chunks: [Chunk] = []
    /// The text parsed.
    private(set) var bytes: [UInt8] = []
    private var nextLine = 1
    private var mayUseReferences = false

    /// U+00A0 in UTF-8.
    static let noBreakSpace: [UInt8] = [0xC2, 0xA0]

    /// Adds a cell's text as a paragraph; returns the chunk's index.
    mutating func addCell(_ text: [UInt8]) -> Int {
        chunks.append(Chunk(firstLine: nextLine, kind: .cell))
        bytes += Self.noBreakSpace
        bytes += text
        bytes += [0x0A, 0x0A]
        nextLine += 2
        if text.contains(UInt8(ascii: "]")) { mayUseReferences = true }
        return chunks.count - 1
    }

    /// Adds source lines to parse as blocks; returns the chunk's index.
    mutating func addLines(_ lines: [TablePlan.Line]) -> Int {
        let index = chunks.count
        chunks.append(Chunk(firstLine: nextLine, kind: .lines(lines)))
        for line in lines {
            bytes += line.text
            bytes.append(0x0A)
            nextLine += 1
            if line.text.contains(UInt8(ascii: "]")) { mayUseReferences = true }
        }
        // A blank line, a paragraph of its own and a blank line close any list or indented
        // code the lines opened (they cannot open a fence or an HTML block that runs on).
        chunks.append(Chunk(firstLine: nextLine + 1, kind: .separator))
        bytes += [0x0A] + Self.noBreakSpace + [0x0A, 0x0A]
        nextLine += 3
        return index
    }

    /// Parses the pieces (followed by `source` when they may need its link definitions) and
    /// hands each chunk its blocks. The returned document owns the nodes: free it after moving
    /// what is needed out.
    mutating func parse(source: [UInt8], options: Int32) -> OpaquePointer? {
        guard !chunks.isEmpty else { return nil }
        let documentLine = nextLine
        if mayUseReferences { bytes += source }
        let document: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let document else { return nil }
        var chunk = 0
        var child = cmark_node_first_child(document)
        while let block = child {
            let line = Int(cmark_node_get_start_line(block))
            if line >= documentLine { break }
            while chunk + 1 < chunks.count, chunks[chunk + 1].firstLine <= line { chunk += 1 }
            chunks[chunk].blocks.append(block)
            child = cmark_node_next(block)
        }
        return document
    }
}

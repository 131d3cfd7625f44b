internal import CMark

/// Text written as a link that CommonMark keeps as text, because its destination has a space:
/// `[Branch policies](../tools.md#Configuring Branch Policies)` shows as those characters, and
/// no link checker sees it. Found so the writer hears of it, with the form that works.
public struct UnparsedLink: Hashable, Sendable {
    /// What was written, `[label](destination)`.
    public var text: String
    /// The same link in a form CommonMark reads: the destination in angle brackets.
    public var fixed: String
    /// 1-based line and column (in bytes) of the `[` in the Markdown text.
    public var line: Int
    public var column: Int

    /// Creates the fact.
    public init(text: String, fixed: String, line: Int, column: Int) {
        self.text = text
        self.fixed = fixed
        self.line = line
        self.column = column
    }

    /// What is wrong, as a sentence.
    public var message: String {
        "this link shows as plain text: its destination has a space, which CommonMark does not allow"
    }

    /// What to write instead.
    public var hint: String {
        "write \(fixed) (or %20 for each space)"
    }
}

/// Finds `UnparsedLink`s in a cmark tree: each run of adjacent text nodes (cmark keeps the `[`,
/// `]` and the rest of a failed link as separate nodes) is read as one text, outside code,
/// links and table cells.
enum UnparsedLinkScan {
    private static let open = UInt8(ascii: "[")
    private static let close = UInt8(ascii: "]")
    private static let parenOpen = UInt8(ascii: "(")
    private static let parenClose = UInt8(ascii: ")")
    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")

    /// Whether `bytes` can hold one at all: a `](` whose destination meets a space before its
    /// `)` on the same line. Most pages have none, and then the tree is not walked again.
    static func mayHave(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == close, bytes[index + 1] == parenOpen else { continue }
            var end = index + 2
            while end < bytes.count, bytes[end] != parenClose, bytes[end] != newline {
                if bytes[end] == space { return true }
                end += 1
            }
        }
        return false
    }

    /// The unparsed links under `document`, in document order.
    static func find(in document: OpaquePointer) -> [UnparsedLink] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [UnparsedLink] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_TEXT, !isText(cmark_node_previous(node)), isInProse(node)
            else { continue }
            found += scan(run: node)
        }
        return found
    }

    private static func isText(_ node: OpaquePointer?) -> Bool {
        node.map { cmark_node_get_type($0) == CMARK_NODE_TEXT } ?? false
    }

    /// Whether a text node is in a paragraph or heading of its own (not inside a link, an
    /// image or a table cell, whose positions cmark does not give).
    private static func isInProse(_ node: OpaquePointer) -> Bool {
        guard let parent = cmark_node_parent(node) else { return false }
        let type = cmark_node_get_type(parent)
        return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING
    }

    /// The run of text nodes that starts at `first`, read as one text.
    private static func scan(run first: OpaquePointer) -> [UnparsedLink] {
        var bytes: [UInt8] = []
        // Where each node's text starts in `bytes`, with the node's position in the source.
        var starts: [(offset: Int, line: Int, column: Int)] = []
        var node: OpaquePointer? = first
        while let current = node, cmark_node_get_type(current) == CMARK_NODE_TEXT {
            starts.append((bytes.count, Int(cmark_node_get_start_line(current)), Int(cmark_node_get_start_column(current))))
            if let literal = cmark_node_get_literal(current) {
                var pointer = literal
                while pointer.pointee != 0 {
                    bytes.append(UInt8(bitPattern: pointer.pointee))
                    pointer += 1
                }
            }
            node = cmark_node_next(current)
        }
        return links(in: bytes).map { range in
            let start = starts.last { $0.offset <= range.lowerBound } ?? (0, 0, 0)
            let text = String(decoding: bytes[range], as: UTF8.self)
            let split = bytes[range].firstIndex(of: close) ?? range.lowerBound
            let label = String(decoding: bytes[range.lowerBound...split], as: UTF8.self)
            let destination = String(decoding: bytes[(split + 2)..<(range.upperBound - 1)], as: UTF8.self)
            return UnparsedLink(
                text: text, fixed: "\(label)(<\(destination)>)", line: start.line,
                column: start.column + range.lowerBound - start.offset)
        }
    }

    /// The ranges of `[label](destination)` in `bytes` whose destination has a space and is not
    /// in angle brackets.
    static func links(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == close, bytes[index + 1] == parenOpen,
                let start = bytes[..<index].lastIndex(of: open), !bytes[start..<index].contains(close)
            else {
                index += 1
                continue
            }
            var end = index + 2
            while end < bytes.count, bytes[end] != parenClose, bytes[end] != newline { end += 1 }
            let destination = bytes[(index + 2)..<min(end, bytes.count)]
            if end < bytes.count, bytes[end] == parenClose, destination.contains(space), destination.first != UInt8(ascii: "<") {
                ranges.append(start..<(end + 1))
                index = end + 1
            } else {
                index += 1
            }
        }
        return ranges
    }
}

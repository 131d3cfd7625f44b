internal import CMark

/// Reading a text node against its source, so tildes written as `\~` or `&#126;` stay literal.
extension Strikethrough {
    /// For a text node with a tilde, which bytes of the text came from a backslash escape or an
    /// entity; `nil` when all are verbatim. When the source cannot be
    /// found (cmark's positions lag after a code span or tag running over a line end), every
    /// tilde of the node counts as escaped: a missed strikethrough rather than a false one.
    func decodedBytes(_ node: OpaquePointer, literal: [UInt8]) -> [Bool]? {
        let line = Int(cmark_node_get_start_line(node))
        let first = Int(cmark_node_get_start_column(node))
        let last = Int(cmark_node_get_end_column(node))
        guard line >= 1, line == Int(cmark_node_get_end_line(node)), first >= 1, last >= first else { return nil }
        // cmark's start column can be a byte off too (after an unmatched backtick).
        for shift in [0, -1, 1, -2, 2] {
            if let source = sourceBytes(of: node, line: line, first: first + shift),
                let decoded = Self.align(literal, with: source)
            {
                return decoded.contains(true) ? decoded : nil
            }
        }
        // The end column is off by one now and then, so equal widths only hint at verbatim text.
        return last - first + 1 == literal.count ? nil : literal.map { $0 == Self.tilde }
    }

    /// The source line from where cmark's position of a text node points.
    func sourceBytes(of node: OpaquePointer, line: Int, first: Int) -> ArraySlice<UInt8>? {
        let source = lines.line(line)
        // On a paragraph's later lines cmark counts columns from the content (container
        // prefixes removed) plus the paragraph's first-line offset.
        var start = source.startIndex + first - 1
        if let block = Self.enclosingBlock(of: node), Int(cmark_node_get_start_line(block)) < line {
            let offset = Int(cmark_node_get_start_column(block)) - 1
            start = ContainerPrefix(of: block, lines: lines).contentStart(of: source) + first - 1 - offset
        }
        // The end column is not always right (a trailing backtick): matching stops with the text.
        guard start >= source.startIndex, start <= source.endIndex else { return nil }
        return source[start...]
    }

    /// Matches a text node's literal with its source: which literal bytes an escape or an
    /// entity wrote, or `nil` when the two do not match.
    static func align(_ literal: [UInt8], with bytes: ArraySlice<UInt8>) -> [Bool]? {
        var decoded = [Bool](repeating: false, count: literal.count)
        var index = bytes.startIndex
        var offset = 0
        while offset < literal.count {
            guard index < bytes.endIndex else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, isASCIIPunctuation(bytes[index + 1]),
                bytes[index + 1] == literal[offset]
            {
                decoded[offset] = true
                index += 2
                offset += 1
            } else if byte == UInt8(ascii: "&"), let end = entityEnd(bytes, from: index),
                !literal[offset...].starts(with: bytes[index...end])
            {
                // An entity decodes to one character (rarely two, then the second reads as verbatim).
                let length = scalarLength(literal[offset])
                for position in offset..<min(offset + length, literal.count) { decoded[position] = true }
                index = end + 1
                offset += length
            } else if byte == literal[offset] {
                index += 1
                offset += 1
            } else {
                return nil
            }
        }
        return decoded
    }

    /// The paragraph or heading an inline node is in.
    static func enclosingBlock(of node: OpaquePointer) -> OpaquePointer? {
        var current = cmark_node_parent(node)
        while let block = current {
            let type = cmark_node_get_type(block)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { return block }
            current = cmark_node_parent(block)
        }
        return nil
    }

    /// The index of the `;` ending an entity-like `&name;` or `&#123;` at `start`.
    static func entityEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.endIndex, index - start <= 32 {
            let byte = bytes[index]
            if byte == UInt8(ascii: ";") { return index > start + 1 ? index : nil }
            let isName = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39
            guard isName || byte == UInt8(ascii: "#") else { return nil }
            index += 1
        }
        return nil
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }
}

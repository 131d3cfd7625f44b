internal import CMark

/// GFM strikethrough (spec section 6.5): `~~text~~` and `~text~` become `<del>text</del>`.
///
/// Plain cmark leaves tildes in text nodes. This pass reads the tilde runs among each inline
/// container's children, pairs them with cmark-gfm's delimiter rules (left-/right-flanking
/// runs of one or two tildes; an opener closes only on a run of its own length), splits the
/// text nodes at paired runs and wraps what lies between in a custom inline writing `<del>` and
/// `</del>`. Code spans are their own nodes, so tildes in them never count.
///
/// cmark merges the text of backslash escapes and entities into the text around them; a text
/// node whose source is longer than its text is read against its source line, so `\~` and
/// `&#126;` stay literal tildes.
///
/// Runs in different containers never pair, so where cmark-gfm would let a strikethrough win
/// over emphasis that crosses it (`~~a *b~~ c*`) this keeps cmark's emphasis.
struct Strikethrough {
    /// The text the tree was parsed from.
    let lines: SourceLines

    /// Rewrites every `~` pair under `root`.
    func apply(to root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        var containers: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
                CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_INLINE:
                containers.append(node)
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        for container in containers { rewrite(container) }
    }

    /// A tilde run in the `child`-th child's literal.
    private struct Run {
        var child: Int
        var offset: Int
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    private enum CharacterClass { case space, punctuation, other }

    private static let tilde = UInt8(ascii: "~")

    /// A text child's bytes, and which of them are not verbatim source (escapes, entities).
    private struct Text {
        var bytes: [UInt8]
        var decoded: [Bool]?

        func isVerbatim(_ offset: Int) -> Bool { decoded?[offset] != true }
    }

    private func rewrite(_ container: OpaquePointer) {
        var children: [OpaquePointer] = []
        var texts: [Text?] = []
        var hasTilde = false
        var next = cmark_node_first_child(container)
        while let child = next {
            children.append(child)
            var text: Text?
            if cmark_node_get_type(child) == CMARK_NODE_TEXT {
                let bytes = Array(Self.literalText(child).utf8)
                if bytes.contains(Self.tilde) { hasTilde = true }
                text = Text(bytes: bytes, decoded: nil)
            }
            texts.append(text)
            next = cmark_node_next(child)
        }
        guard hasTilde else { return }
        for index in texts.indices {
            if let bytes = texts[index]?.bytes, bytes.contains(Self.tilde) {
                texts[index]?.decoded = decodedBytes(children[index], literal: bytes)
            }
        }

        var runs: [Run] = []
        for (index, text) in texts.enumerated() {
            guard let text else { continue }
            let literal = text.bytes
            var position = 0
            while position < literal.count {
                guard literal[position] == Self.tilde, text.isVerbatim(position) else {
                    position += 1
                    continue
                }
                let start = position
                while position < literal.count, literal[position] == Self.tilde, text.isVerbatim(position) {
                    position += 1
                }
                guard position - start <= 2 else { continue }
                let before =
                    start > 0 ? Self.classify(text, before: start) : Self.classBefore(index, children, texts, container)
                let after =
                    position < literal.count
                    ? Self.classify(text, at: position) : Self.classAfter(index, children, texts, container)
                let left = after != .space && (after != .punctuation || before != .other)
                let right = before != .space && (before != .punctuation || after != .other)
                if left || right {
                    runs.append(Run(child: index, offset: start, length: position - start, canOpen: left, canClose: right))
                }
            }
        }
        let pairs = Self.match(runs)
        guard !pairs.isEmpty else { return }

        var used = [Bool](repeating: false, count: runs.count)
        for (opener, closer) in pairs {
            used[opener] = true
            used[closer] = true
        }
        var markers = [OpaquePointer?](repeating: nil, count: runs.count)
        var runIndex = 0
        while runIndex < runs.count {
            let child = runs[runIndex].child
            var end = runIndex
            while end < runs.count, runs[end].child == child { end += 1 }
            let inChild = (runIndex..<end).filter { used[$0] }
            if !inChild.isEmpty, let literal = texts[child]?.bytes {
                Self.split(children[child], literal: literal, runs: inChild.map { ($0, runs[$0]) }, markers: &markers)
            }
            runIndex = end
        }
        for (opener, closer) in pairs {
            guard let open = markers[opener], let close = markers[closer] else { continue }
            Self.wrap(from: open, to: close)
        }
    }

    /// Pairs runs as cmark-gfm 0.29 does (its `process_emphasis` with the strikethrough
    /// extension): closers left to right, each with the nearest possible opener; a pair of
    /// unequal lengths is left alone. Returns (opener, closer) indices, inner pairs first.
    private static func match(_ runs: [Run]) -> [(Int, Int)] {
        var previous = Array(-1..<(runs.count - 1))
        var next = Array(1...max(runs.count, 1))
        var removed = [Bool](repeating: false, count: runs.count)
        func remove(_ index: Int) {
            removed[index] = true
            if previous[index] >= 0 { next[previous[index]] = next[index] }
            if next[index] < runs.count { previous[next[index]] = previous[index] }
        }
        var bottom = [0, 0, 0]
        var pairs: [(Int, Int)] = []
        var closer = runs.isEmpty ? runs.count : 0
        while closer < runs.count {
            let run = runs[closer]
            guard run.canClose, !removed[closer] else {
                closer = next[closer]
                continue
            }
            var opener = previous[closer]
            var found = false
            while opener >= 0, opener >= bottom[run.length % 3] {
                let candidate = runs[opener]
                if candidate.canOpen,
                    !(run.canOpen || candidate.canClose) || run.length % 3 == 0
                        || (candidate.length + run.length) % 3 != 0
                {
                    found = true
                    break
                }
                opener = previous[opener]
            }
            let following = next[closer]
            if found {
                if runs[opener].length == run.length {
                    pairs.append((opener, closer))
                    var index = closer
                    while index != opener, index >= 0 {
                        let before = previous[index]
                        remove(index)
                        index = before
                    }
                    remove(opener)
                }
            } else {
                bottom[run.length % 3] = closer
                if !run.canOpen { remove(closer) }
            }
            closer = following
        }
        return pairs
    }

    /// Splits a text node so each listed run is a node of its own (its marker).
    private static func split(
        _ node: OpaquePointer, literal: [UInt8], runs: [(index: Int, run: Run)], markers: inout [OpaquePointer?]
    ) {
        var pieces: [(bytes: ArraySlice<UInt8>, run: Int?)] = []
        var cursor = 0
        for (index, run) in runs {
            if run.offset > cursor { pieces.append((literal[cursor..<run.offset], nil)) }
            pieces.append((literal[run.offset..<(run.offset + run.length)], index))
            cursor = run.offset + run.length
        }
        if cursor < literal.count { pieces.append((literal[cursor...], nil)) }
        var last: OpaquePointer?
        for piece in pieces {
            let text = String(decoding: piece.bytes, as: UTF8.self)
            let current: OpaquePointer
            if let last {
                guard let created = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                _ = cmark_node_insert_after(last, created)
                current = created
            } else {
                current = node
            }
            _ = cmark_node_set_literal(current, text)
            if let run = piece.run { markers[run] = current }
            last = current
        }
    }

    /// Wraps the siblings between two markers in `<del>` and drops the markers.
    private static func wrap(from open: OpaquePointer, to close: OpaquePointer) {
        guard let del = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        _ = cmark_node_set_on_enter(del, "<del>")
        _ = cmark_node_set_on_exit(del, "</del>")
        _ = cmark_node_insert_before(open, del)
        var next = cmark_node_next(open)
        while let node = next, node != close {
            next = cmark_node_next(node)
            _ = cmark_node_append_child(del, node)
        }
        for marker in [open, close] {
            cmark_node_unlink(marker)
            cmark_node_free(marker)
        }
    }

    /// For a text node with a tilde, which bytes of the text came from a backslash escape or an
    /// entity; `nil` when all are verbatim. When the source cannot be
    /// found (cmark's positions lag after a code span or tag running over a line end), every
    /// tilde of the node counts as escaped: a missed strikethrough rather than a false one.
    private func decodedBytes(_ node: OpaquePointer, literal: [UInt8]) -> [Bool]? {
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
    private func sourceBytes(of node: OpaquePointer, line: Int, first: Int) -> ArraySlice<UInt8>? {
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
    private static func align(_ literal: [UInt8], with bytes: ArraySlice<UInt8>) -> [Bool]? {
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
    private static func enclosingBlock(of node: OpaquePointer) -> OpaquePointer? {
        var current = cmark_node_parent(node)
        while let block = current {
            let type = cmark_node_get_type(block)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { return block }
            current = cmark_node_parent(block)
        }
        return nil
    }

    /// The index of the `;` ending an entity-like `&name;` or `&#123;` at `start`.
    private static func entityEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
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

    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }

    /// The class of the character just before a child's text, from its previous siblings.
    private static func classBefore(
        _ index: Int, _ children: [OpaquePointer], _ texts: [Text?], _ container: OpaquePointer
    ) -> CharacterClass {
        var index = index - 1
        while index >= 0 {
            switch cmark_node_get_type(children[index]) {
            case CMARK_NODE_TEXT:
                if let text = texts[index], !text.bytes.isEmpty { return classify(text, before: text.bytes.count) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                return .space
            default:
                return .punctuation
            }
            index -= 1
        }
        return edgeClass(container)
    }

    /// The class of the character just after a child's text, from its next siblings.
    private static func classAfter(
        _ index: Int, _ children: [OpaquePointer], _ texts: [Text?], _ container: OpaquePointer
    ) -> CharacterClass {
        var index = index + 1
        while index < children.count {
            switch cmark_node_get_type(children[index]) {
            case CMARK_NODE_TEXT:
                if let text = texts[index], !text.bytes.isEmpty { return classify(text, at: 0) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                return .space
            default:
                return .punctuation
            }
            index += 1
        }
        return edgeClass(container)
    }

    /// The class of the character ending at `offset`; an escaped or entity character reads as
    /// the punctuation that wrote it.
    private static func classify(_ text: Text, before offset: Int) -> CharacterClass {
        guard text.isVerbatim(offset - 1) else { return .punctuation }
        return classify(scalarBefore(offset, in: text.bytes))
    }

    /// The class of the character starting at `offset`.
    private static func classify(_ text: Text, at offset: Int) -> CharacterClass {
        guard text.isVerbatim(offset) else { return .punctuation }
        return classify(scalarAt(offset, in: text.bytes))
    }

    /// What lies beyond a container's first or last child: a line's start or end for a block
    /// or a table cell, the delimiter or bracket of emphasis and links.
    private static func edgeClass(_ container: OpaquePointer) -> CharacterClass {
        switch cmark_node_get_type(container) {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CUSTOM_INLINE: return .space
        default: return .punctuation
        }
    }

    private static func literalText(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func scalarBefore(_ offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, offset - start < 4 { start -= 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars.first
    }

    private static func scalarAt(_ offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80, end - offset < 4 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first
    }

    /// Whitespace and punctuation as cmark's flanking rules read them.
    private static func classify(_ scalar: Unicode.Scalar?) -> CharacterClass {
        guard let scalar else { return .space }
        switch scalar.value {
        case 9, 10, 12, 13, 32, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return .space
        case 33...47, 58...64, 91...96, 123...126:
            return .punctuation
        case 0..<128:
            return .other
        default:
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return .punctuation
            default:
                return .other
            }
        }
    }
}

internal import CMark

/// GFM strikethrough (spec section 6.5): `~~text~~` and `~text~` become `<del>text</del>`.
///
/// Plain cmark leaves tildes in text nodes. This pass reads the tilde runs among each inline
/// container's children, pairs them with cmark-gfm's delimiter rules (left-/right-flanking
/// runs of one or two tildes; an opener closes only on a run of its own length), splits the
/// text nodes at paired runs and wraps what lies between in a custom inline writing `<del>` and
/// `</del>`. Code spans are their own nodes, so tildes in them never count.
///
/// Runs in different containers never pair, so where cmark-gfm would let a strikethrough win
/// over emphasis that crosses it (`~~a *b~~ c*`) this keeps cmark's emphasis.
enum Strikethrough {
    /// Rewrites every `~` pair in `document`.
    static func apply(to document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
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

    private static func rewrite(_ container: OpaquePointer) {
        var children: [OpaquePointer] = []
        var literals: [[UInt8]?] = []
        var hasTilde = false
        var next = cmark_node_first_child(container)
        while let child = next {
            children.append(child)
            var literal: [UInt8]?
            if cmark_node_get_type(child) == CMARK_NODE_TEXT, !isEscapeOrEntity(child) {
                let bytes = Array(literalText(child).utf8)
                if bytes.contains(tilde) { hasTilde = true }
                literal = bytes
            }
            literals.append(literal)
            next = cmark_node_next(child)
        }
        guard hasTilde else { return }

        var runs: [Run] = []
        for (index, literal) in literals.enumerated() {
            guard let literal else { continue }
            var position = 0
            while position < literal.count {
                guard literal[position] == tilde else {
                    position += 1
                    continue
                }
                let start = position
                while position < literal.count, literal[position] == tilde { position += 1 }
                guard position - start <= 2 else { continue }
                let before = start > 0 ? classify(scalarBefore(start, in: literal)) : classBefore(index, children, container)
                let after =
                    position < literal.count ? classify(scalarAt(position, in: literal)) : classAfter(index, children, container)
                let left = after != .space && (after != .punctuation || before != .other)
                let right = before != .space && (before != .punctuation || after != .other)
                if left || right {
                    runs.append(Run(child: index, offset: start, length: position - start, canOpen: left, canClose: right))
                }
            }
        }
        let pairs = match(runs)
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
            if !inChild.isEmpty, let literal = literals[child] {
                split(children[child], literal: literal, runs: inChild.map { ($0, runs[$0]) }, markers: &markers)
            }
            runIndex = end
        }
        for (opener, closer) in pairs {
            guard let open = markers[opener], let close = markers[closer] else { continue }
            wrap(from: open, to: close)
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

    /// A text node cmark made from a backslash escape or an entity: one character whose source
    /// is longer (`\~` is 2 bytes, `&#126;` 6). Its tilde is literal, not a delimiter.
    private static func isEscapeOrEntity(_ node: OpaquePointer) -> Bool {
        guard let literal = cmark_node_get_literal(node), literal[0] != 0, literal[1] == 0,
            cmark_node_get_start_line(node) > 0, cmark_node_get_start_line(node) == cmark_node_get_end_line(node)
        else { return false }
        let width = Int(cmark_node_get_end_column(node)) - Int(cmark_node_get_start_column(node)) + 1
        // Width 3 is never an escape or entity: it is a cell's first text behind its no-break space.
        return width == 2 || width >= 4
    }

    /// The class of the character just before a child's text, from its previous siblings.
    private static func classBefore(_ index: Int, _ children: [OpaquePointer], _ container: OpaquePointer)
        -> CharacterClass
    {
        var index = index - 1
        while index >= 0 {
            let node = children[index]
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if isEscapeOrEntity(node) { return .punctuation }
                let bytes = Array(literalText(node).utf8)
                if !bytes.isEmpty { return classify(scalarBefore(bytes.count, in: bytes)) }
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
    private static func classAfter(_ index: Int, _ children: [OpaquePointer], _ container: OpaquePointer)
        -> CharacterClass
    {
        var index = index + 1
        while index < children.count {
            let node = children[index]
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if isEscapeOrEntity(node) { return .punctuation }
                let bytes = Array(literalText(node).utf8)
                if !bytes.isEmpty { return classify(scalarAt(0, in: bytes)) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                return .space
            default:
                return .punctuation
            }
            index += 1
        }
        return edgeClass(container)
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

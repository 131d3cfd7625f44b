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
    struct Run {
        var child: Int
        var offset: Int
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    enum CharacterClass { case space, punctuation, other }

    static let tilde = UInt8(ascii: "~")

    /// A text child's bytes, and which of them are not verbatim source (escapes, entities).
    struct Text {
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
        let runs = Self.runs(in: texts, children: children, container: container)
        let pairs = Self.match(runs)
        guard !pairs.isEmpty else { return }
        Self.wrapPairs(pairs, runs: runs, texts: texts, children: children)
    }

    /// The tilde runs of one or two that can open or close, child by child.
    private static func runs(in texts: [Text?], children: [OpaquePointer], container: OpaquePointer) -> [Run] {
        var runs: [Run] = []
        for (index, text) in texts.enumerated() {
            guard let text else { continue }
            let literal = text.bytes
            var position = 0
            while position < literal.count {
                guard literal[position] == tilde, text.isVerbatim(position) else {
                    position += 1
                    continue
                }
                let start = position
                while position < literal.count, literal[position] == tilde, text.isVerbatim(position) {
                    position += 1
                }
                guard position - start <= 2 else { continue }
                let before = start > 0 ? classify(text, before: start) : classBefore(index, children, texts, container)
                let after =
                    position < literal.count ? classify(text, at: position) : classAfter(index, children, texts, container)
                let left = after != .space && (after != .punctuation || before != .other)
                let right = before != .space && (before != .punctuation || after != .other)
                if left || right {
                    runs.append(Run(child: index, offset: start, length: position - start, canOpen: left, canClose: right))
                }
            }
        }
        return runs
    }

    /// Splits the paired runs out of their text nodes and wraps what lies between each pair.
    private static func wrapPairs(_ pairs: [(Int, Int)], runs: [Run], texts: [Text?], children: [OpaquePointer]) {
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
    static func match(_ runs: [Run]) -> [(Int, Int)] {
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
    static func split(
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
    static func wrap(from open: OpaquePointer, to close: OpaquePointer) {
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
}

internal import CMark

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A node's sanitized HTML whose link values the tree walk rewrites, in document order with
/// the Markdown links, so link facts and rewrites stay in step.
struct RawHTMLLinks {
    var output: HTMLOutput

    /// Rewrites each link value through `rewriteLink`, writes the HTML into `node` (the custom
    /// node that replaced the raw HTML) and returns the links' facts.
    func write(into node: OpaquePointer, rewriteLink: (String, Bool) -> String?) -> [MarkdownLink] {
        let rewritten = output.slots.map { rewriteLink($0.link.destination, $0.link.isImage) }
        _ = cmark_node_set_on_enter(node, output.html { rewritten[$0] })
        return output.slots.map(\.link)
    }
}

/// Replaces the writer's raw HTML (cmark's `HTML_BLOCK` and `HTML_INLINE` nodes) before the
/// tree walk reads the tree.
///
/// Safe mode: each node becomes a custom node holding only allow-listed tags and attributes
/// (see `HTMLSanitizer`), which cmark writes as is; the content of `<script>`, `<style>` and
/// the other raw-text elements goes too, up to the end of the HTML block or, for inline HTML,
/// of the paragraph (further, and one stray `<style>` would swallow the page). Elements left
/// open are closed at the end of the block or paragraph they were opened in.
///
/// Unsafe mode: the HTML stays as written, except that nodes with `src` or `href` attributes
/// become custom nodes whose values the walk rewrites like Markdown links.
///
/// Either way the `img src` (safe) or `src`/`href` (unsafe) values are left for `TreeWalk` to
/// rewrite and report, through the returned `links`.
struct RawHTMLFilter {
    /// Custom nodes with link values to rewrite, and the raw HTML dropped.
    struct Result {
        var links: [OpaquePointer: RawHTMLLinks] = [:]
        var dropped: [DroppedHTML] = []
    }

    private let unsafe: Bool
    private let positions: [OpaquePointer: SourcePosition]
    private var sanitizer = HTMLSanitizer()
    private var result = Result()
    /// Nodes already handled or freed as part of an earlier node's raw text.
    private var removed: Set<OpaquePointer> = []

    private init(unsafe: Bool, positions: [OpaquePointer: SourcePosition]) {
        self.unsafe = unsafe
        self.positions = positions
    }

    /// Edits `document` in place. `positions` are the source positions of nodes that came from a
    /// re-parse (table cells).
    static func run(on document: OpaquePointer, unsafe: Bool, positions: [OpaquePointer: SourcePosition]) -> Result {
        let nodes = htmlNodes(in: document)
        guard !nodes.isEmpty else { return Result() }
        var filter = RawHTMLFilter(unsafe: unsafe, positions: positions)
        for node in nodes where !filter.removed.contains(node) {
            if unsafe {
                filter.rewriteLinks(in: node)
            } else {
                filter.sanitize(node)
            }
        }
        filter.closeOpenElements()
        filter.result.dropped = filter.sanitizer.dropped
        return filter.result
    }

    /// The HTML nodes in document order, leaving out those in an image's alt text (which cmark
    /// writes as escaped text).
    private static func htmlNodes(in document: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var nodes: [OpaquePointer] = []
        var imageDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_IMAGE { imageDepth += event == CMARK_EVENT_ENTER ? 1 : -1 }
            if event == CMARK_EVENT_ENTER, imageDepth == 0, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                nodes.append(node)
            }
        }
        return nodes
    }

    /// Sanitizes `node`; inline HTML that leaves a raw-text element open takes its following
    /// siblings with it, up to the node holding the element's end tag.
    private mutating func sanitize(_ node: OpaquePointer) {
        // Read before `node` is replaced and freed.
        var next = cmark_node_next(node)
        var awaiting = sanitize(node, rawText: nil)
        while let name = awaiting, let current = next {
            next = cmark_node_next(current)
            if cmark_node_get_type(current) == CMARK_NODE_HTML_INLINE {
                removed.insert(current)
                awaiting = sanitize(current, rawText: name)
            } else {
                drop(current)
            }
        }
    }

    private func isInline(_ node: OpaquePointer) -> Bool {
        cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE
    }

    /// Replaces one node with its sanitized HTML; returns the raw-text element left open.
    private mutating func sanitize(_ node: OpaquePointer, rawText: String?) -> String? {
        let isInline = isInline(node)
        guard let container = cmark_node_parent(node) else { return nil }
        let bytes = Self.literal(of: node)
        let (tokens, openRawText) = HTMLTokenizer.tokenize(bytes, rawText: rawText)
        let output = sanitizer.sanitize(
            tokens, in: bytes, origin: origin(of: node, bytes: bytes, isInline: isInline), container: container,
            isInline: isInline)
        replace(node, with: output, isInline: isInline)
        return isInline ? openRawText : nil
    }

    /// Unsafe mode: splices each `src` and `href` value out of the HTML as written, for the walk
    /// to rewrite; every other byte stays.
    private mutating func rewriteLinks(in node: OpaquePointer) {
        let isInline = isInline(node)
        let bytes = Self.literal(of: node)
        guard bytes.contains(UInt8(ascii: "=")) else { return }
        let origin = origin(of: node, bytes: bytes, isInline: isInline)
        var output = HTMLOutput()
        var cursor = 0
        for case .startTag(let tag) in HTMLTokenizer.tokenize(bytes).tokens {
            for attribute in tag.attributes where attribute.name == "src" || attribute.name == "href" {
                guard let range = attribute.valueRange else { continue }
                let position = origin.position(of: attribute.nameOffset)
                let link = MarkdownLink(
                    destination: attribute.value, isImage: tag.name == "img", line: position.line, column: position.column)
                output.append(String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self))
                output.append(
                    HTMLOutput.Slot(
                        link: link, written: String(decoding: bytes[range], as: UTF8.self), addQuotes: !attribute.quoted))
                cursor = range.upperBound
            }
        }
        guard !output.slots.isEmpty else { return }
        output.append(String(decoding: bytes[cursor...], as: UTF8.self))
        replace(node, with: output, isInline: isInline)
    }

    private func origin(of node: OpaquePointer, bytes: [UInt8], isInline: Bool) -> HTMLOrigin {
        let position =
            positions[node]
            ?? SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        return HTMLOrigin(
            line: position.line, column: position.column, indent: isInline ? 0 : max(position.column - 1, 0), bytes: bytes)
    }

    /// Puts a custom node writing `output` (links as written, until the walk rewrites them) in
    /// place of `node`, or just removes `node` when nothing is left of it.
    private mutating func replace(_ node: OpaquePointer, with output: HTMLOutput, isInline: Bool) {
        defer { cmark_node_free(node) }
        // An HTML block's text ends with its line break: one holding nothing else goes.
        let isBlank = output.slots.isEmpty && output.pieces[0].utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        guard !output.isEmpty, isInline || !isBlank, let custom = cmark_node_new(isInline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK)
        else {
            cmark_node_unlink(node)
            return
        }
        _ = cmark_node_set_on_enter(custom, output.html())
        _ = cmark_node_replace(node, custom)
        if !output.slots.isEmpty { result.links[custom] = RawHTMLLinks(output: output) }
    }

    /// Removes a node inside a raw-text element, and marks the HTML nodes under it as handled.
    private mutating func drop(_ node: OpaquePointer) {
        defer {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator),
                cmark_node_get_type(child) == CMARK_NODE_HTML_INLINE
            {
                removed.insert(child)
            }
        }
    }

    /// Closes the elements still open at the end of the block or paragraph that opened them.
    private mutating func closeOpenElements() {
        var remaining = sanitizer.open
        while let last = remaining.last {
            let container = last.container
            let closing = remaining.reversed().filter { $0.container == container }.map { "</\($0.name)>" }.joined()
            remaining.removeAll { $0.container == container }
            guard let node = cmark_node_new(last.isInline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK) else { continue }
            _ = cmark_node_set_on_enter(node, closing)
            _ = cmark_node_append_child(container, node)
        }
    }

    /// The node's text as bytes.
    private static func literal(of node: OpaquePointer) -> [UInt8] {
        guard let text = cmark_node_get_literal(node) else { return [] }
        return text.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(text))) }
    }
}

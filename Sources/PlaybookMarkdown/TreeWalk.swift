internal import PlaybookDiagnostics
internal import CMark

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// One pass over a cmark tree that records what must change, then applies the changes.
///
/// cmark allows tree edits only after iteration, so `collect` only reads and `apply` edits.
struct TreeWalk {
    private var headings: [OpaquePointer] = []
    private var links: [(node: OpaquePointer, isImage: Bool)] = []
    private var taskParagraphs: [OpaquePointer] = []
    private var fences: [OpaquePointer] = []
    /// Block quotes that open with a GitHub alert marker (`[!NOTE]`), to become callouts.
    private var callouts: [Callout] = []
    /// Set when a task paragraph starts: its first text's `[ ] ` marker stays out of the plain text.
    private var taskMarkerPending = false
    /// The plain text's UTF-8 bytes: appending each node's literal as bytes, not as a `String`
    /// made from it first, was half the time of `collect`.
    private var plainText: [UInt8] = []
    /// UTF-8 offsets into `plainText` where each heading's text starts and ends.
    private var headingSpans: [(start: Int, end: Int)] = []
    /// Source positions of links that cmark's own positions do not give (table cells).
    private let positions: [OpaquePointer: SourcePosition]
    /// Custom nodes that replaced raw HTML and hold link values to rewrite (see `RawHTMLFilter`).
    private let rawHTML: [OpaquePointer: RawHTMLLinks]
    /// Put before each heading's and task's id (`MarkdownOptions.idPrefix`).
    var idPrefix = ""
    /// Levels added to each heading (`MarkdownOptions.headingShift`).
    var headingShift = 0

    init(positions: [OpaquePointer: SourcePosition] = [:], rawHTML: [OpaquePointer: RawHTMLLinks] = [:]) {
        self.positions = positions
        self.rawHTML = rawHTML
    }

    /// What `apply` found and wrote into the tree.
    struct Facts {
        var headings: [Heading] = []
        var links: [MarkdownLink] = []
        /// Where each Markdown link of `links` is written (raw HTML's links have none).
        var linkSpans: [LinkSpan] = []
        var tasks: [TaskItem] = []
        var plainText = ""
        var sectionTexts: [String] = []
    }

    mutating func collect(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        plainText.reserveCapacity(4096)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                leave(node, type: type)
            } else {
                enter(node, type: type)
            }
        }
    }

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")

    /// Records what a node holds when the walk enters it.
    private mutating func enter(_ node: OpaquePointer, type: cmark_node_type) {
        switch type {
        case CMARK_NODE_HEADING:
            headings.append(node)
            headingSpans.append((plainText.count, plainText.count))
        case CMARK_NODE_LINK:
            links.append((node, false))
        case CMARK_NODE_IMAGE:
            links.append((node, true))
        case CMARK_NODE_TEXT where taskMarkerPending:
            taskMarkerPending = false
            appendLiteral(of: node, droppingPrefix: 4)
        case CMARK_NODE_TEXT where callouts.last?.marker == node:
            break  // the `[!NOTE]` marker is markup, not text
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            appendLiteral(of: node)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            plainText.append(Self.space)
        case CMARK_NODE_CODE_BLOCK:
            fences.append(node)
            appendLiteral(of: node)
            plainText.append(Self.newline)
        case CMARK_NODE_PARAGRAPH:
            if isTaskParagraph(node) {
                taskParagraphs.append(node)
                taskMarkerPending = true
            }
        case CMARK_NODE_BLOCK_QUOTE:
            if let callout = Callout(blockQuote: node) { callouts.append(callout) }
        case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            // Raw HTML with links: among the links, so rewrites and facts keep document order.
            if rawHTML[node] != nil { links.append((node, false)) }
        default:
            break
        }
    }

    /// Ends a block's line in the plain text, and a heading's span, when the walk leaves it.
    private mutating func leave(_ node: OpaquePointer, type: cmark_node_type) {
        if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM {
            plainText.append(Self.newline)
        }
        // A table cell: a custom inline in a row (a custom block).
        if type == CMARK_NODE_CUSTOM_INLINE, let row = cmark_node_parent(node),
            cmark_node_get_type(row) == CMARK_NODE_CUSTOM_BLOCK
        {
            plainText.append(cmark_node_next(node) == nil ? Self.newline : Self.space)
        }
        if type == CMARK_NODE_HEADING, !headingSpans.isEmpty {
            headingSpans[headingSpans.count - 1].end = plainText.count
        }
    }

    func apply(
        rewriteLink: (String, Bool) -> String?,
        renderFence: (String, String, Int) -> String?
    ) -> Facts {
        var facts = Facts()
        facts.plainText = String(decoding: plainText, as: UTF8.self)
        facts.sectionTexts = sectionTexts()
        var slugger = Slugger()
        for (node, isImage) in links {
            if let html = rawHTML[node] {
                facts.links += html.write(into: node, rewriteLink: rewriteLink)
                continue
            }
            let span = LinkSpan(node: node, link: facts.links.count, start: positions[node])
            let destination = span.destination
            facts.linkSpans.append(span)
            facts.links.append(
                MarkdownLink(
                    destination: destination, isImage: isImage, line: span.startLine, column: span.startColumn))
            if let rewritten = rewriteLink(destination, isImage) {
                _ = cmark_node_set_url(node, rewritten)
            }
        }
        for node in headings {
            let text = Self.inlineText(of: node)
            let id = idPrefix + slugger.unique(text)
            let level = min(6, Int(cmark_node_get_heading_level(node)) + headingShift)
            facts.headings.append(
                Heading(level: level, text: text, id: id, line: Int(cmark_node_get_start_line(node))))
            replace(node, open: "<h\(level) id=\"\(escapeHTML(id))\">", close: Self.selfLink(id: id, text: text) + "</h\(level)>")
        }
        var taskSlugger = Slugger()
        for paragraph in taskParagraphs {
            if let task = makeCheckbox(paragraph, slugger: &taskSlugger) { facts.tasks.append(task) }
        }
        for callout in callouts { callout.apply() }
        for node in fences {
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            guard !info.isEmpty,
                let html = renderFence(info, literal(node), Int(cmark_node_get_start_line(node)))
            else { continue }
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            _ = cmark_node_set_on_enter(block, html)
            _ = cmark_node_replace(node, block)
            cmark_node_free(node)
        }
        return facts
    }

    /// The text before the first heading, then the text under each heading (heading excluded).
    private func sectionTexts() -> [String] {
        let utf8 = plainText
        var texts: [String] = []
        var start = 0
        for span in headingSpans {
            texts.append(String(decoding: utf8[start..<span.start], as: UTF8.self))
            start = span.end
        }
        texts.append(String(decoding: utf8[min(start, utf8.count)...], as: UTF8.self))
        return texts
    }

    /// Replaces a block with a custom block that writes `open`, the old children, then `close`,
    /// so our own markup gets in while cmark's safe mode stays on for the writer's HTML.
    private func replace(_ node: OpaquePointer, open: String, close: String) {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        _ = cmark_node_set_on_enter(block, open)
        _ = cmark_node_set_on_exit(block, close)
        while let child = cmark_node_first_child(node) {
            _ = cmark_node_append_child(block, child)
        }
        _ = cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    /// A paragraph that is the first child of a list item and starts with `[ ]`, `[x]` or `[X]`.
    private func isTaskParagraph(_ paragraph: OpaquePointer) -> Bool {
        guard let item = cmark_node_parent(paragraph),
            cmark_node_get_type(item) == CMARK_NODE_ITEM,
            cmark_node_first_child(item) == paragraph,
            let first = cmark_node_first_child(paragraph),
            cmark_node_get_type(first) == CMARK_NODE_TEXT
        else { return false }
        guard let text = cmark_node_get_literal(first) else { return false }
        // The first four bytes at most, read in place (the text may be shorter).
        var prefix: [UInt8] = []
        for offset in 0..<4 {
            let byte = UInt8(bitPattern: text[offset])
            if byte == 0 { break }
            prefix.append(byte)
        }
        return Self.taskMarker(prefix) != nil
    }

    /// `true` for `[x] …`, `false` for `[ ] …`, `nil` when the text is not a task marker;
    /// `bytes` are the text's first four bytes (fewer when it is shorter).
    private static func taskMarker(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]"),
            bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "\t")
        else { return nil }
        switch bytes[1] {
        case UInt8(ascii: " "): return false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return true
        default: return nil
        }
    }

    /// Strips the `[ ]` marker and wraps the paragraph's content in a label with a checkbox.
    private func makeCheckbox(_ paragraph: OpaquePointer, slugger: inout Slugger) -> TaskItem? {
        guard let first = cmark_node_first_child(paragraph) else { return nil }
        let marker = literal(first)
        guard let checked = Self.taskMarker(Array(marker.utf8.prefix(4))) else { return nil }
        _ = cmark_node_set_literal(first, String(marker.utf8.dropFirst(4)) ?? "")
        let text = Self.inlineText(of: paragraph)
        let id = "task-" + idPrefix + slugger.unique(text, fallback: "item")
        let label = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        let checkbox =
            "<label class=\"task\"><input type=\"checkbox\" class=\"task-box\" id=\"\(escapeHTML(id))\"\(checked ? " checked" : "")> "
        _ = cmark_node_set_on_enter(label, checkbox)
        _ = cmark_node_set_on_exit(label, "</label>")
        while let child = cmark_node_first_child(paragraph) {
            _ = cmark_node_append_child(label, child)
        }
        _ = cmark_node_append_child(paragraph, label)
        return TaskItem(
            id: id, text: text, checked: checked, line: Int(cmark_node_get_start_line(paragraph)))
    }

    /// A heading's link to itself: shown on hover or focus, so a reader can copy the section's URL.
    /// Its name for assistive technology is given as `aria-label` (the visible "#" says nothing),
    /// not as a hidden span: 54 bytes less a heading, 3 MB on a site of 10,000 pages.
    private static func selfLink(id: String, text: String) -> String {
        "<a class=\"heading-anchor\" href=\"#\(escapeHTML(id))\" aria-label=\"Link to the section \u{201C}"
            + "\(escapeHTML(text))\u{201D}\">#</a>"
    }

    /// Appends a node's literal to the plain text, less its first `droppingPrefix` bytes.
    private mutating func appendLiteral(of node: OpaquePointer, droppingPrefix: Int = 0) {
        guard let text = cmark_node_get_literal(node) else { return }
        let count = strlen(text)
        guard count > droppingPrefix else { return }
        text.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            plainText.append(contentsOf: UnsafeBufferPointer(start: bytes + droppingPrefix, count: count - droppingPrefix))
        }
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The text of a node's inline descendants, markup removed.
    static func inlineText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else {
                continue
            }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text.trimmingSpaces()
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\n" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\n" { scalars.removeLast() }
        return String(scalars)
    }
}

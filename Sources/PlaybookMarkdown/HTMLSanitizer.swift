internal import PlaybookDiagnostics

/// Where a raw HTML node starts in the Markdown text, to position what is inside it.
struct HTMLOrigin {
    /// 1-based line and byte column of the node's first byte.
    let line: Int
    let column: Int
    /// Columns before each later line of the node (an HTML block's lines lose their container
    /// prefix, `> ` say, which is assumed as wide as on the first line).
    let indent: Int
    /// Offsets of the node's line breaks, found once: a node may hold thousands of attributes.
    private let newlines: [Int]

    init(line: Int, column: Int, indent: Int, bytes: [UInt8]) {
        self.line = line
        self.column = column
        self.indent = indent
        newlines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
    }

    /// The position of the byte at `offset` in the node's text; columns in bytes.
    func position(of offset: Int) -> SourcePosition {
        // Binary search: the number of line breaks before `offset`.
        var low = 0
        var high = newlines.count
        while low < high {
            let middle = (low + high) / 2
            if newlines[middle] < offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return SourcePosition(line: line, column: column + offset) }
        return SourcePosition(line: line + low, column: indent + offset - newlines[low - 1])
    }
}

/// Sanitized HTML for one node: text pieces with a slot between each two for a link value,
/// which the tree walk fills in document order (rewritten, or as written).
struct HTMLOutput {
    /// One link value: its fact, and its text for the HTML when it is not rewritten.
    struct Slot {
        var link: MarkdownLink
        /// The value as it goes into the HTML when not rewritten (escaped, or the source bytes).
        var written: String
        /// The value was unquoted in the source: a rewritten one is put in quotes.
        var addQuotes = false
    }

    private(set) var pieces: [String] = [""]
    private(set) var slots: [Slot] = []

    var isEmpty: Bool { slots.isEmpty && pieces[0].isEmpty }

    mutating func append(_ text: String) {
        pieces[pieces.count - 1] += text
    }

    mutating func append(_ slot: Slot) {
        slots.append(slot)
        pieces.append("")
    }

    /// The HTML, each slot filled by `value` (given the slot's index), or as written when it returns `nil`.
    func html(_ value: (Int) -> String? = { _ in nil }) -> String {
        var html = pieces[0]
        for (index, slot) in slots.enumerated() {
            if let rewritten = value(index) {
                html += slot.addQuotes ? "\"" + escapeHTML(rewritten) + "\"" : escapeHTML(rewritten)
            } else {
                html += slot.written
            }
            html += pieces[index + 1]
        }
        return html
    }
}

/// Turns the tokens of the writer's raw HTML into HTML that keeps only an allow-list of tags
/// and attributes, re-serialized from the parsed values (never copied from the source), with
/// end tags balanced against what it opened.
///
/// One sanitizer reads a whole document's HTML nodes in order: an element opened in one node
/// may be closed in a later one (`<details>` and `</details>` around Markdown).
struct HTMLSanitizer {
    /// The tags kept in safe mode, each with the attributes it keeps.
    static let allowed: [String: Set<String>] = [
        "br": [], "img": ["src", "alt", "title", "width", "height"], "kbd": [], "sup": [], "sub": [],
        "details": ["open"], "summary": [],
    ]
    /// Allowed elements that have no end tag.
    static let void: Set<String> = ["br", "img"]
    /// The allowed attribute of a tag that holds a URL: checked, rewritten and link-checked.
    static let urlAttributes: [String: String] = ["img": "src"]
    /// How many allowed elements may be open at once; more are dropped.
    static let maximumDepth = 256
    /// URL schemes that can run script or smuggle a document in.
    static let forbiddenSchemes = ["javascript", "vbscript", "data"]

    /// An element this sanitizer opened and has not closed, with the node it must close in:
    /// the parent of the HTML node that opened it (a paragraph for inline HTML, the document,
    /// a list item or a quote for an HTML block).
    struct OpenElement {
        var name: String
        var container: OpaquePointer
        var isInline: Bool
    }

    /// What was dropped: the first of each tag, and of each tag and attribute.
    private(set) var dropped: [DroppedHTML] = []
    private var warned: Set<String> = []
    /// Opened and not yet closed, oldest first.
    private(set) var open: [OpenElement] = []

    /// Sanitizes the tokens of one node's text `bytes`, a child of `container`.
    mutating func sanitize(
        _ tokens: [HTMLToken], in bytes: [UInt8], origin: HTMLOrigin, container: OpaquePointer, isInline: Bool
    ) -> HTMLOutput {
        var output = HTMLOutput()
        for token in tokens {
            switch token {
            case .text(let range):
                output.append(CharacterReference.escapeText(bytes[range]))
            case .comment, .rawText:
                continue  // comments silently, raw text with its element (warned about there)
            case .startTag(let tag):
                let element = OpenElement(name: tag.name, container: container, isInline: isInline)
                startTag(tag, origin: origin, element: element, into: &output)
            case .endTag(let tag):
                endTag(tag.name, container: container, into: &output)
            }
        }
        return output
    }

    private mutating func startTag(
        _ tag: HTMLTag, origin: HTMLOrigin, element: OpenElement, into output: inout HTMLOutput
    ) {
        guard let kept = Self.allowed[tag.name] else {
            warn(tag.name, at: origin.position(of: tag.range.lowerBound))
            return
        }
        // Nesting is capped, as in browsers, so each end tag's search of the open elements is short.
        guard open.count < Self.maximumDepth || Self.void.contains(tag.name) else {
            warn(tag.name, at: origin.position(of: tag.range.lowerBound))
            return
        }
        output.append("<" + tag.name)
        for attribute in tag.attributes {
            let position = origin.position(of: attribute.nameOffset)
            guard kept.contains(attribute.name) else {
                warn(tag.name, attribute: attribute.name, at: position)
                continue
            }
            if Self.urlAttributes[tag.name] == attribute.name {
                if let scheme = Self.forbiddenScheme(of: attribute.value) {
                    warn(tag.name, attribute: attribute.name, scheme: scheme, at: position)
                    continue
                }
                let link = MarkdownLink(
                    destination: attribute.value, isImage: tag.name == "img", line: position.line, column: position.column)
                output.append(" \(attribute.name)=\"")
                output.append(HTMLOutput.Slot(link: link, written: escapeHTML(attribute.value)))
                output.append("\"")
            } else if attribute.value.isEmpty {
                output.append(" " + attribute.name)
            } else {
                output.append(" \(attribute.name)=\"\(escapeHTML(attribute.value))\"")
            }
        }
        output.append(">")
        if !Self.void.contains(tag.name) { open.append(element) }
    }

    /// Closes the newest open `name` of `container` and what was opened in it after; an end
    /// tag without one is dropped.
    private mutating func endTag(_ name: String, container: OpaquePointer, into output: inout HTMLOutput) {
        guard let match = open.lastIndex(where: { $0.name == name && $0.container == container }) else { return }
        for index in stride(from: open.count - 1, through: match, by: -1) where open[index].container == container {
            output.append("</\(open[index].name)>")
            open.remove(at: index)
        }
    }

    private mutating func warn(_ tag: String, attribute: String? = nil, scheme: String? = nil, at position: SourcePosition) {
        guard warned.insert(attribute.map { tag + " " + $0 } ?? tag).inserted else { return }
        dropped.append(
            DroppedHTML(tag: tag, attribute: attribute, scheme: scheme, line: position.line, column: position.column))
    }

    /// The forbidden scheme `url` uses, read as a browser's URL parser reads it: tabs and line
    /// breaks anywhere removed, spaces and control characters trimmed, ASCII case ignored.
    static func forbiddenScheme(of url: String) -> String? {
        var bytes = url.utf8.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        while let first = bytes.first, first <= 0x20 { bytes.removeFirst() }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = String(decoding: bytes[..<colon].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return forbiddenSchemes.contains(scheme) ? scheme : nil
    }
}

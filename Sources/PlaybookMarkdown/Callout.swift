internal import CMark

/// A block quote written with GitHub's alert syntax (`> [!NOTE]` alone on its first line, then
/// the text), which GitHub and Hugo render as a callout. It becomes a `role="note"` box with an
/// icon and a visible label, so the kind is told by words and shape, not by colour alone.
struct Callout {
    /// The kinds GitHub knows, in its order.
    enum Kind: String, CaseIterable {
        case note, tip, important, warning, caution

        /// The label shown above the text.
        var label: String {
            switch self {
            case .note: "Note"
            case .tip: "Tip"
            case .important: "Important"
            case .warning: "Warning"
            case .caution: "Caution"
            }
        }

        /// A 16×16 outline icon drawn in the text colour; hidden from screen readers, which read
        /// the label.
        var icon: String {
            let shape =
                switch self {
                case .note: #"<circle cx="8" cy="8" r="6.25"/><path d="M8 7.25v4M8 4.75v.1"/>"#
                case .tip: #"<path d="M5.25 10.25a4.25 4.25 0 1 1 5.5 0v1.5h-5.5zM6 14.25h4"/>"#
                case .important: #"<path d="M2.25 2.75h11.5v8.5h-6l-3.25 2.5v-2.5h-2.25zM8 4.75v3M8 9.5v.1"/>"#
                case .warning: #"<path d="M8 1.75l6.5 11.75h-13zM8 6.25v3.25M8 11.5v.1"/>"#
                case .caution: #"<path d="M5.4 1.75h5.2l3.65 3.65v5.2l-3.65 3.65H5.4L1.75 10.6V5.4zM8 4.75v3.75M8 11v.1"/>"#
                }
            return #"<svg class="callout-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" "#
                + #"fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">"#
                + shape + "</svg>"
        }
    }

    let kind: Kind
    let blockQuote: OpaquePointer
    /// The text node holding `[!NOTE]`.
    let marker: OpaquePointer

    /// The callout a block quote stands for, or `nil` when its first line is not exactly an
    /// alert marker (`[!NOTE] text` on one line stays a quote, as on GitHub).
    init?(blockQuote: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(blockQuote),
            cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let first = cmark_node_first_child(paragraph),
            cmark_node_get_type(first) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(first)
        else { return nil }
        if let next = cmark_node_next(first) {
            let type = cmark_node_get_type(next)
            guard type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK else { return nil }
        }
        guard let kind = Self.kind(of: String(cString: literal)) else { return nil }
        self.kind = kind
        self.blockQuote = blockQuote
        self.marker = first
    }

    /// The kind named by `[!KIND]` (any case, trailing spaces allowed).
    static func kind(of text: String) -> Kind? {
        var text = Substring(text)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        guard text.hasPrefix("[!"), text.hasSuffix("]"), text.count > 3 else { return nil }
        return Kind(rawValue: text.dropFirst(2).dropLast().lowercased())
    }

    /// Removes the marker (and the line break after it) and swaps the quote for the callout's
    /// markup. Runs after the tree walk, when cmark allows edits.
    func apply() {
        let paragraph = cmark_node_parent(marker)
        if let lineBreak = cmark_node_next(marker) {
            cmark_node_unlink(lineBreak)
            cmark_node_free(lineBreak)
        }
        cmark_node_unlink(marker)
        cmark_node_free(marker)
        if let paragraph, cmark_node_first_child(paragraph) == nil {
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
        let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        let open =
            "<div class=\"callout callout-\(kind.rawValue)\" role=\"note\">\n"
            + "<p class=\"callout-title\">\(kind.icon)\(kind.label)</p>\n"
        _ = cmark_node_set_on_enter(box, open)
        _ = cmark_node_set_on_exit(box, "</div>")
        while let child = cmark_node_first_child(blockQuote) {
            _ = cmark_node_append_child(box, child)
        }
        _ = cmark_node_replace(blockQuote, box)
        cmark_node_free(blockQuote)
    }
}

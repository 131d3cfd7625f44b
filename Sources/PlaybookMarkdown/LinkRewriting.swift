internal import CMark
internal import PlaybookDiagnostics

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Where an inline link or image of a Markdown text is written: for rewriting its destination
/// in the text itself (`MarkdownSource`).
public struct LinkSpan: Sendable, Hashable {
    /// The link's index in `RenderedMarkdown.links`.
    public var link: Int
    /// The destination as cmark reads it.
    public var destination: String
    /// True for `![alt](src)`.
    public var isImage: Bool
    /// 1-based line and byte column where the link starts.
    public var startLine: Int
    /// See `startLine`.
    public var startColumn: Int
    /// 1-based line and byte column of the link's last byte (a column past the line's end means
    /// "to the end of the line": links in table cells, whose ends cmark does not give).
    public var endLine: Int
    /// See `endLine`.
    public var endColumn: Int
}

extension LinkSpan {
    /// The span of a cmark link or image node as cmark positions it; `start` replaces its start
    /// (a table cell's link, whose cell cmark parsed alone), and the end is then the line's.
    init(node: OpaquePointer, link: Int, start: SourcePosition? = nil) {
        self.link = link
        destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        if let start {
            (startLine, startColumn) = (start.line, start.column)
            (endLine, endColumn) = (start.line, Int(Int32.max))
        } else {
            startLine = Int(cmark_node_get_start_line(node))
            startColumn = Int(cmark_node_get_start_column(node))
            endLine = Int(cmark_node_get_end_line(node))
            endColumn = Int(cmark_node_get_end_column(node))
        }
    }
}

/// Markdown kept as written, with the destinations of its inline links and images changed: for
/// a page's Markdown copy (`index.md`), whose relative links must read from anywhere.
///
/// cmark finds the links (so nothing in a code span, a code block or raw HTML is touched); each
/// destination is then found in the link's own source span, right after its `](`, and only those
/// bytes are replaced. A link whose destination is not written there as cmark reads it (a
/// reference link, a destination with backslash escapes or entities) is left as written.
public enum MarkdownSource {
    /// `text` with each inline link's and image's destination replaced by what `rewrite` returns
    /// for it (`nil` keeps it); every other byte as it was.
    ///
    /// - Parameter rewrite: given the destination as cmark reads it and whether it is an image.
    public static func rewritingLinks(
        in text: String, _ rewrite: (_ destination: String, _ isImage: Bool) -> String?
    ) -> String {
        guard text.utf8.contains(UInt8(ascii: "]")) else { return text }
        return rewritingLinks(in: text, spans: links(in: text)) { rewrite($0.destination, $0.isImage) }
    }

    /// `text` with the destination of each link in `spans` (in document order, as a rendering
    /// found them: `RenderedMarkdown.linkSpans`) replaced by what `rewrite` returns for it
    /// (`nil` keeps it), without parsing `text` again.
    public static func rewritingLinks(
        in text: String, spans: [LinkSpan], _ rewrite: (LinkSpan) -> String?
    ) -> String {
        guard !spans.isEmpty else { return text }
        let lines = SourceLines(text)
        var edits: [(range: Range<Int>, text: String)] = []
        var cursor = 0
        for link in spans {
            guard let replacement = rewrite(link) else { continue }
            let start = max(cursor, lines.start(of: link.startLine) + max(link.startColumn - 1, 0))
            let endLine = lines.line(link.endLine)
            let end = max(start, min(lines.start(of: link.endLine) + link.endColumn, endLine.endIndex))
            guard let range = destination(link.destination, in: lines.bytes, from: start, to: end) else { continue }
            edits.append((range, written(replacement, angled: range.lowerBound > 0 && lines.bytes[range.lowerBound - 1] == UInt8(ascii: "<"))))
            cursor = range.upperBound
        }
        guard !edits.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(lines.bytes.count + edits.count * 32)
        var position = 0
        for edit in edits {
            out += lines.bytes[position..<edit.range.lowerBound]
            out += edit.text.utf8
            position = edit.range.upperBound
        }
        out += lines.bytes[position...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Every inline link and image cmark finds, in document order.
    private static func links(in text: String) -> [LinkSpan] {
        let document: OpaquePointer? = text.withCString { cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT) }
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [LinkSpan] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            found.append(LinkSpan(node: node, link: found.count))
        }
        return found
    }

    /// Where `destination` is written in `bytes[from..<to]`: after `](`, spaces and an optional
    /// `<`, and followed by a space, `)` or `>`.
    private static func destination(_ destination: String, in bytes: [UInt8], from: Int, to: Int) -> Range<Int>? {
        let wanted = Array(destination.utf8)
        guard !wanted.isEmpty else { return nil }
        var index = from
        while index + 1 < to {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: "(") else { continue }
            var start = index + 2
            while start < to, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
            if start < to, bytes[start] == UInt8(ascii: "<") { start += 1 }
            let end = start + wanted.count
            guard end < bytes.count, bytes[start..<end].elementsEqual(wanted) else { continue }
            let after = bytes[end]
            guard after == UInt8(ascii: ")") || after == UInt8(ascii: ">") || after == UInt8(ascii: " ")
                || after == UInt8(ascii: "\n") || after == UInt8(ascii: "\r") || after == UInt8(ascii: "\t")
            else { continue }
            return start..<end
        }
        return nil
    }

    /// A destination as it can be written: inside `<…>` already, or wrapped in them when it holds
    /// a space or a parenthesis; `<` and `>` percent-encoded.
    private static func written(_ url: String, angled: Bool) -> String {
        let safe = url.replacingAll("<", with: "%3C").replacingAll(">", with: "%3E")
        if angled { return safe }
        let needsAngles = safe.utf8.contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }
        return needsAngles ? "<" + safe + ">" : safe
    }
}

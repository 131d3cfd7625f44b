internal import CSourceHighlight
internal import PlaybookDiagnostics

/// Colours fenced code at build time with GNU source-highlight: tokens become
/// `<span class="hl-…">` elements that `highlight.css` colours, so no script runs in the browser.
///
/// Safe to call from many threads at once: each call borrows a highlighter of its own from a
/// process-wide pool, so a language's definition is parsed once per pooled highlighter (about
/// one per core), not once per block.
public struct CodeHighlighter: Sendable {
    /// A highlighter using the process-wide pool.
    public init() {}

    /// The code as HTML: escaped text, tokens in `hl-*` spans, lines as given; `nil` when
    /// `language` is unknown (or the highlighter fails), for the caller to show plain code.
    public func highlight(code: String, language: String) -> String? {
        guard !language.isEmpty else { return nil }
        return HighlighterPool.shared.withHandle { Self.highlight(code: code, language: language, with: $0) }
    }

    /// `highlight(code:language:)` through a new handle that matches with source-highlight's own
    /// rules, without the shim's per-line search cache: the output the cache must reproduce.
    static func referenceHighlight(code: String, language: String) -> String? {
        guard let handle = pb_highlighter_new_reference() else { return nil }
        defer { pb_highlighter_free(handle) }
        return highlight(code: code, language: language, with: handle)
    }

    private static func highlight(code: String, language: String, with handle: OpaquePointer) -> String? {
        let length = code.utf8.count
        let html = code.withCString { pb_highlight(handle, language, $0, length) }
        guard let html else { return nil }
        defer { pb_highlight_free(html) }
        return String(cString: html)
    }

    /// A fenced block as the page shows it, `<pre class="highlight"><code class="language-x">`
    /// around the highlighted code, or `nil` to keep the plain block; `info` is the fence's
    /// info string, whose first word names the language (as cmark reads it for its class).
    public func block(code: String, info: String) -> String? {
        guard let word = info.split(whereSeparator: \.isWhitespace).first,
            let html = highlight(code: code, language: String(word))
        else { return nil }
        return "<pre class=\"highlight\"><code class=\"language-\(escapeHTML(String(word)))\">\(html)</code></pre>\n"
    }
}

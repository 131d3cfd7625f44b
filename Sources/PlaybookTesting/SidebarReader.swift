public import PlaybookBuild
public import Foundation

/// Reads the sidebar of built pages as a browser gets it: a page's `<nav>` names its section's
/// script (`assets/nav/…js`), after the script all sections share when the sidebar is split
/// (`assets/nav/index-top.js`), and the section's script inserts the HTML its string literal
/// holds, or the shared pieces with its own top-level entry in place of the closed one.
public enum SidebarReader {
    /// The output path of the section's sidebar script that the page at `pagePath` loads, or `nil`.
    public static func scriptPath(_ result: BuildResult, page pagePath: String) -> String? {
        guard let html = FixtureSite.text(result, pagePath) else { return nil }
        return scriptPath(inPage: html)
    }

    /// The output path of the last `<script src>` under `assets/nav/` in `html` (the section's
    /// own), without the site's base path.
    public static func scriptPath(inPage html: String) -> String? {
        scriptPaths(inPage: html).last
    }

    /// The output paths of every `<script src>` under `assets/nav/` in `html`, in order,
    /// without the site's base path.
    public static func scriptPaths(inPage html: String) -> [String] {
        var paths: [String] = []
        var rest = Substring(html)
        while let tag = rest.range(of: "<script src=\"") {
            rest = rest[tag.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let source = rest[..<end]
            if let folder = source.range(of: "assets/nav/") { paths.append(String(source[folder.lowerBound...])) }
        }
        return paths
    }

    /// The sidebar HTML that the page at `pagePath` shows once its scripts ran, without the
    /// current page's mark (the script adds that in the browser), or `nil`.
    public static func sidebar(_ result: BuildResult, page pagePath: String) -> String? {
        guard let page = FixtureSite.text(result, pagePath) else { return nil }
        let texts = scriptPaths(inPage: page).map { FixtureSite.text(result, $0) }
        guard let script = texts.last ?? nil, texts.count <= 2 else { return nil }
        return insertedHTML(script: script, shared: texts.count == 2 ? texts[0] : nil)
    }

    /// The HTML a section's sidebar script inserts: its one string literal, decoded as JSON,
    /// or, for a script that calls the one all sections share (`shared`, the text of
    /// `assets/nav/index-top.js`), the closed sidebar with the section's entry in place.
    public static func insertedHTML(script: String, shared: String? = nil) -> String? {
        if script.hasPrefix("PlaybookSidebar(") {
            guard let shared, let pieces = sharedPieces(shared) else { return nil }
            return assembled(call: script, pieces: pieces)
        }
        guard let start = script.range(of: "})(\""), let end = script.range(of: "\");", options: .backwards),
            start.upperBound <= end.lowerBound
        else { return nil }
        let literal = script[script.index(before: start.upperBound)...end.lowerBound]
        return try? JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
    }

    /// The head, the closed top-level entries and the tail that the shared script holds: the
    /// arguments of its one call (no literal holds a raw line break, so `\n})(` starts them).
    public static func sharedPieces(_ shared: String) -> (head: String, entries: [String], tail: String)? {
        guard let start = shared.range(of: "\n})("), let values = arguments(shared[start.upperBound...]),
            values.count == 3, let head = values[0] as? String, let entries = values[1] as? [String],
            let tail = values[2] as? String
        else { return nil }
        return (head, entries, tail)
    }

    /// What `PlaybookSidebar(position, html)` inserts, as the shared script assembles it.
    private static func assembled(call: String, pieces: (head: String, entries: [String], tail: String)) -> String? {
        guard let values = arguments(call.dropFirst("PlaybookSidebar(".count)), values.count == 2,
            let html = values[1] as? String
        else { return nil }
        if values[0] is NSNull { return html }
        guard let position = values[0] as? Int, position < pieces.entries.count else { return nil }
        var entries = pieces.entries
        if position >= 0 { entries[position] = html }
        return pieces.head + entries.joined() + pieces.tail
    }

    /// The values of a call's arguments, `text` being what follows its `(`, up to `);` at the
    /// end: JSON values, as the build writes them.
    private static func arguments(_ text: Substring) -> [Any]? {
        let trimmed = text.hasSuffix(");\n") ? text.dropLast(3) : text
        guard let array = try? JSONSerialization.jsonObject(with: Data(("[" + trimmed + "]").utf8)) else { return nil }
        return array as? [Any]
    }
}

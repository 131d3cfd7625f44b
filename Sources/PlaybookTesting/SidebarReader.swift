public import PlaybookBuild
public import Foundation

/// Reads the sidebar of built pages as a browser gets it: a page's `<nav>` names its section's
/// script (`assets/nav/…js`), and the script inserts the HTML its string literal holds.
public enum SidebarReader {
    /// The output path of the sidebar script that the page at `pagePath` loads, or `nil`.
    public static func scriptPath(_ result: BuildResult, page pagePath: String) -> String? {
        guard let html = FixtureSite.text(result, pagePath) else { return nil }
        return scriptPath(inPage: html)
    }

    /// The output path of the first `<script src>` under `assets/nav/` in `html`, without the
    /// site's base path.
    public static func scriptPath(inPage html: String) -> String? {
        var rest = Substring(html)
        while let tag = rest.range(of: "<script src=\"") {
            rest = rest[tag.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let source = rest[..<end]
            if let folder = source.range(of: "assets/nav/") { return String(source[folder.lowerBound...]) }
        }
        return nil
    }

    /// The sidebar HTML that the page at `pagePath` shows once its script ran, without the
    /// current page's mark (the script adds that in the browser), or `nil`.
    public static func sidebar(_ result: BuildResult, page pagePath: String) -> String? {
        guard let script = scriptPath(result, page: pagePath), let text = FixtureSite.text(result, script) else {
            return nil
        }
        return insertedHTML(script: text)
    }

    /// The HTML a sidebar script inserts: its one string literal, decoded as JSON.
    public static func insertedHTML(script: String) -> String? {
        guard let start = script.range(of: "})(\""), let end = script.range(of: "\");", options: .backwards),
            start.upperBound <= end.lowerBound
        else { return nil }
        let literal = script[script.index(before: start.upperBound)...end.lowerBound]
        return try? JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
    }
}

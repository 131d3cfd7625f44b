public import PlaybookModel
public import PlaybookMarkdown
internal import PlaybookDiagnostics

/// A page's Markdown copy (`index.md` beside its `index.html`, and its part of `llms-full.txt`):
/// its title, address and description, then its body as written (front matter left out), with
/// the destinations of its links and images made absolute, so it reads on its own.
///
/// The render stage makes it from the page's own rendering (`SiteRenderer.body(of:)`): the links
/// cmark found there and where they point, so the body is not parsed a second time.
public struct MarkdownCopy: Sendable {
    /// The base URL's origin (`https://example.com`), or empty.
    public let origin: String
    /// The base URL's path (`/handbook/`).
    public let base: String

    /// Where `site`'s addresses start, read once (its config parses the base URL when asked).
    public init(site: Site) {
        origin = site.config.origin ?? ""
        base = site.config.basePath
    }

    /// The page's absolute URL: with the origin when the base URL has one (`https://…/handbook/x/`),
    /// else from the root (`/handbook/x/`).
    public func address(of page: Page) -> String { origin + base + page.url.dropFirst() }

    /// The copy of `page`, whose rendering found `links` written at `spans`.
    func copy(of page: Page, spans: [LinkSpan], links: [(link: MarkdownLink, target: LinkTarget)], resolver: LinkResolver)
        -> String
    {
        let url = address(of: page)
        let body = MarkdownSource.rewritingLinks(in: page.body, spans: spans) { span in
            guard span.link < links.count else { return nil }
            let target = links[span.link].target
            if case .samePage(let anchor) = target { return anchor.isEmpty ? nil : url + "#" + anchor }
            return resolver.href(for: target, destination: span.destination).map { origin + $0 }
        }
        return Self.copy(title: page.title, url: url, description: page.description, body: body)
    }

    /// A copy's text from its parts, `body` with its links already made absolute.
    public static func copy(title: String, url: String, description: String?, body: String) -> String {
        var parts = ["# " + escaped(title), "URL: " + url]
        if let description, !description.isEmpty { parts.append("> " + escapedLine(description)) }
        let trimmed = trimmingBlankLines(body)
        if !trimmed.isEmpty { parts.append(trimmed) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Text from content as Markdown reads it literally (`escapeMarkdown`).
    public static func escaped(_ text: String) -> String { escapeMarkdown(text) }

    /// `escaped(text)`, and a first character that would start a list, a heading underline or a
    /// block quote escaped too: for text that begins a line.
    public static func escapedLine(_ text: String) -> String {
        let out = escaped(text)
        if let first = out.first, "-+=".contains(first) { return "\\" + out }
        let digits = out.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = out.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + out.dropFirst(digits.count)
        }
        return out
    }

    /// The text without blank lines at its start and whitespace at its end.
    private static func trimmingBlankLines(_ text: String) -> String {
        var lineStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex, text[index].isWhitespace {
            let next = text.index(after: index)
            if text[index].isNewline { lineStart = next }
            index = next
        }
        var result = String(text[lineStart...])
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}

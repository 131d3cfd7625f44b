internal import PlaybookMarkdown
internal import PlaybookModel
internal import PlaybookRender

/// The site for AI tools and readers who want the source (llmstxt.org): `llms.txt`, a list of
/// the pages in reading order, grouped by top-level section; `llms-full.txt`, every page's
/// Markdown in reading order; and each page's Markdown copy, `index.md` beside its `index.html`.
///
/// A copy is the page's title, address and description, then its body as written (front matter
/// left out), with the destinations of its links and images made absolute, so it reads on its
/// own. All three are functions of the loaded site alone (bodies, titles, descriptions, URLs), so
/// a build from nothing, from the disk cache or in the preview writes the same bytes.
enum LlmsFiles {
    static let indexPath = "llms.txt"
    static let fullPath = "llms-full.txt"

    /// The files, or none when `playbook.yml` says `llms: false`.
    static func files(for site: Site, links: LinkResolver) -> [OutputFile] {
        guard site.config.llms else { return [] }
        let pages = site.pages.indices.filter { site.pages[$0].hasMarkdownCopy }
        let root = Root(site)
        let copies = pages.parallelMap { copy(of: $0, in: site, links: links, root: root) }
        var files = zip(pages, copies).map { OutputFile(path: site.pages[$0].markdownOutputPath, contents: .text($1)) }
        // A file of the content's own at the root (its own `llms.txt`) is the one published.
        let own = Set(site.staticFiles.map { PageLocation.staticOutputPath($0, style: site.config.urlStyle) })
        if !own.contains(indexPath) { files.append(OutputFile(path: indexPath, contents: .text(index(of: site)))) }
        if !own.contains(fullPath) { files.append(OutputFile(path: fullPath, contents: .text(full(of: site, copies: copies)))) }
        return files
    }

    /// For the quick path (`QuickRebuild`), whose changes never touch `llms.txt` (titles,
    /// descriptions and URLs stay): the copies of the pages at `indices` made again in the last
    /// build's files, and `llms-full.txt` joined again from the copies there. Returns the paths
    /// it changed.
    static func update(_ indices: [Int], in last: inout LastBuild, links: LinkResolver) -> Set<String> {
        let site = last.site
        guard site.config.llms else { return [] }
        var changed: Set<String> = []
        for index in indices where site.pages[index].hasMarkdownCopy {
            let path = site.pages[index].markdownOutputPath
            guard let position = last.fileIndex[path] else { continue }
            last.files[position] = OutputFile(path: path, contents: .text(copy(of: index, in: site, links: links)))
            changed.insert(path)
        }
        guard !changed.isEmpty, let fullPosition = last.fileIndex[fullPath] else { return changed }
        let copies = site.pages.compactMap { page -> String? in
            guard page.hasMarkdownCopy, let position = last.fileIndex[page.markdownOutputPath],
                case .text(let text) = last.files[position].contents
            else { return nil }
            return text
        }
        last.files[fullPosition] = OutputFile(path: fullPath, contents: .text(full(of: site, copies: copies)))
        changed.insert(fullPath)
        return changed
    }

    /// The Markdown copy of the page at `index`.
    static func copy(of index: Int, in site: Site, links: LinkResolver, root: Root? = nil) -> String {
        let page = site.pages[index]
        let root = root ?? Root(site)
        let origin = root.origin
        let url = root.address(of: page)
        let body = MarkdownSource.rewritingLinks(in: page.body) { destination, _ in
            let target = links.resolve(destination, from: index)
            if case .samePage(let anchor) = target { return anchor.isEmpty ? nil : url + "#" + anchor }
            return links.href(for: target, destination: destination).map { origin + $0 }
        }
        var parts = ["# " + escaped(page.title), "URL: " + url]
        if let description = page.description, !description.isEmpty { parts.append("> " + escapedLine(description)) }
        let trimmed = trimmingBlankLines(body)
        if !trimmed.isEmpty { parts.append(trimmed) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// `llms-full.txt` from the pages' copies, in reading order.
    static func full(of site: Site, copies: [String]) -> String {
        var text = heading(of: site)
        for copy in copies { text += "\n" + copy }
        return text
    }

    /// `llms.txt`: the site's title and summary, then a list per top-level section.
    static func index(of site: Site) -> String {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, page) in site.pages.enumerated() where page.hasMarkdownCopy {
            let group = page.sectionPath.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            if groups[group] == nil { order.append(group) }
            groups[group, default: []].append(index)
        }
        var text = heading(of: site)
        let root = Root(site)
        for group in order {
            let title = site.sectionIndexByPath[group].map { site.pages[site.sections[$0].indexPage].title } ?? group
            text += "\n## " + escaped(title) + "\n\n"
            for index in groups[group] ?? [] {
                let page = site.pages[index]
                text += "- [" + escaped(page.title) + "](" + destination(root.address(of: page)) + ")"
                if let description = page.description, !description.isEmpty { text += ": " + escaped(description) }
                text += "\n"
            }
        }
        return text
    }

    /// `# Title` and, when there is one, `> summary`: the site's description, else the home page's.
    private static func heading(of site: Site) -> String {
        var text = "# " + escaped(site.config.title) + "\n"
        let home = site.pages.first { $0.url == "/" }
        if let summary = site.config.description ?? home?.description, !summary.isEmpty {
            text += "\n> " + escapedLine(summary) + "\n"
        }
        return text
    }

    /// The page's absolute URL: with the origin when the base URL has one (`https://…/handbook/x/`),
    /// else from the root (`/handbook/x/`).
    static func address(of page: Page, in site: Site) -> String {
        Root(site).address(of: page)
    }

    /// Where the site's addresses start, read once from the configuration (its `origin` and
    /// `basePath` parse the base URL each time they are asked).
    struct Root: Sendable {
        let origin: String
        let base: String

        init(_ site: Site) {
            origin = site.config.origin ?? ""
            base = site.config.basePath
        }

        func address(of page: Page) -> String { origin + base + page.url.dropFirst() }
    }

    /// Text from content as Markdown reads it literally: punctuation that could start markup
    /// backslash-escaped, line breaks made spaces.
    static func escaped(_ text: String) -> String {
        // By bytes: every character it changes is ASCII, and by Characters this was a sixth of
        // the llms files' time (perf, 1,000 pages).
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            if escapedBytes.contains(byte) {
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            } else if byte == UInt8(ascii: "\n") {
                if previous != UInt8(ascii: "\r") { out.append(UInt8(ascii: " ")) }  // \r\n: one space
            } else {
                out.append(byte == UInt8(ascii: "\r") ? UInt8(ascii: " ") : byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let escapedBytes = Set("\\`*_[]<>#&|!~".utf8)

    /// A URL as a link destination: spaces, parentheses and angle brackets percent-encoded.
    private static func destination(_ url: String) -> String {
        guard url.utf8.contains(where: { " ()<>".utf8.contains($0) }) else { return url }
        var out = ""
        for character in url {
            switch character {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            default: out.append(character)
            }
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

    /// `escaped(text)`, and a first character that would start a list, a heading underline or a
    /// block quote escaped too: for text that begins a line.
    private static func escapedLine(_ text: String) -> String {
        let out = escaped(text)
        if let first = out.first, "-+=".contains(first) { return "\\" + out }
        let digits = out.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = out.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + out.dropFirst(digits.count)
        }
        return out
    }
}

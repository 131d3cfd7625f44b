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

    /// The files, or none when `playbook.yml` says `llms: false`, with where each page's copy
    /// is in `llms-full.txt` for the next build.
    ///
    /// A page rendered in this build brings its copy (`RenderedPage.markdownCopy`). A page kept
    /// from the previous build has it in that build's `llms-full.txt` (`previous.llmsCopies`);
    /// its `index.md` is linked from there when its HTML is. Only a page with neither is
    /// parsed again here.
    static func files(for site: Site, rendered: Rendered, previous: BuildState) -> (files: [OutputFile], copies: LlmsCopies?) {
        guard site.config.llms else { return ([], nil) }
        let pages = site.pages.indices.filter { site.pages[$0].hasMarkdownCopy }
        // The last build's file is read only when a page needs a copy from it.
        let needsOld = pages.contains { $0 >= rendered.pages.count || rendered.pages[$0].markdownCopy == nil }
        let old = needsOld ? previous.htmlFolder.flatMap { LlmsCopies.Previous(previous.llmsCopies, folder: $0) } : nil
        let links = rendered.renderer.links
        let root = MarkdownCopy(site: site)
        let copies = pages.parallelMap { index -> String in
            let page = site.pages[index]
            if index < rendered.pages.count, let copy = rendered.pages[index].markdownCopy { return copy }
            return old?.copy(of: page.sourcePath) ?? copy(of: index, in: site, links: links, root: root)
        }
        var files = zip(pages, copies).map { index, copy -> OutputFile in
            let page = site.pages[index]
            if let folder = previous.htmlFolder, rendered.linked.contains(page.sourcePath) {
                return OutputFile(path: page.markdownOutputPath, contents: .link(from: PathText.join(folder, page.markdownOutputPath)))
            }
            return OutputFile(path: page.markdownOutputPath, contents: .text(copy))
        }
        // A file of the content's own at the root (its own `llms.txt`) is the one published.
        let own = Set(site.staticFiles.map { PageLocation.staticOutputPath($0, style: site.config.urlStyle) })
        if !own.contains(indexPath) { files.append(indexFile(of: site, rendered: rendered, previous: previous)) }
        guard !own.contains(fullPath) else { return (files, nil) }
        let full = LlmsCopies.joined(heading: heading(of: site), copies: zip(pages, copies).map { (site.pages[$0].sourcePath, $1) })
        files.append(OutputFile(path: fullPath, contents: .text(full.text)))
        return (files, full.copies)
    }

    /// `llms.txt`, or a link to the last build's when the navigation is as it was and nothing
    /// that shows on every page changed (`Rendered.navigationKept` is set on that path only):
    /// the list shows the configuration and, of each page, what its `NavigationEntry` holds.
    /// Making it again was 60 ms of a one-page rebuild at 10,000 pages.
    private static func indexFile(of site: Site, rendered: Rendered, previous: BuildState) -> OutputFile {
        if rendered.navigationKept, let folder = previous.htmlFolder {
            return OutputFile(path: indexPath, contents: .link(from: PathText.join(folder, indexPath)))
        }
        return OutputFile(path: indexPath, contents: .text(index(of: site)))
    }

    /// For the quick path (`QuickRebuild`), whose changes never touch `llms.txt` (titles,
    /// descriptions and URLs stay): the copies of the pages at `indices` made again in the last
    /// build's files, and `llms-full.txt` joined again from the copies there. Returns the paths
    /// it changed.
    static func update(_ indices: [Int], in last: inout LastBuild) -> Set<String> {
        let site = last.site
        guard site.config.llms else { return [] }
        var changed: Set<String> = []
        for index in indices where site.pages[index].hasMarkdownCopy {
            let path = site.pages[index].markdownOutputPath
            // The page was rendered again, which made its copy.
            guard let position = last.fileIndex[path], let copy = last.pages[index].markdownCopy else { continue }
            last.files[position] = OutputFile(path: path, contents: .text(copy))
            changed.insert(path)
        }
        guard !changed.isEmpty, let fullPosition = last.fileIndex[fullPath] else { return changed }
        let copies = site.pages.compactMap { page -> (source: String, text: String)? in
            guard page.hasMarkdownCopy, let position = last.fileIndex[page.markdownOutputPath],
                case .text(let text) = last.files[position].contents
            else { return nil }
            return (page.sourcePath, text)
        }
        let full = LlmsCopies.joined(heading: heading(of: site), copies: copies).text
        last.files[fullPosition] = OutputFile(path: fullPath, contents: .text(full))
        changed.insert(fullPath)
        return changed
    }

    /// The Markdown copy of the page at `index`, its body parsed again to find its links: for a
    /// page whose rendering did not make one.
    static func copy(of index: Int, in site: Site, links: LinkResolver, root: MarkdownCopy? = nil) -> String {
        let page = site.pages[index]
        let root = root ?? MarkdownCopy(site: site)
        let origin = root.origin
        let url = root.address(of: page)
        let body = MarkdownSource.rewritingLinks(in: page.body) { destination, _ in
            let target = links.resolve(destination, from: index)
            if case .samePage(let anchor) = target { return anchor.isEmpty ? nil : url + "#" + anchor }
            return links.href(for: target, destination: destination).map { origin + $0 }
        }
        return MarkdownCopy.copy(title: page.title, url: url, description: page.description, body: body)
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
        let root = MarkdownCopy(site: site)
        for group in order {
            let title = site.sectionIndexByPath[group].map { site.pages[site.sections[$0].indexPage].title } ?? group
            text += "\n## " + MarkdownCopy.escaped(title) + "\n\n"
            for index in groups[group] ?? [] {
                let page = site.pages[index]
                text += "- [" + MarkdownCopy.escaped(page.title) + "](" + destination(root.address(of: page)) + ")"
                if let description = page.description, !description.isEmpty { text += ": " + MarkdownCopy.escaped(description) }
                text += "\n"
            }
        }
        return text
    }

    /// `# Title` and, when there is one, `> summary`: the site's description, else the home page's.
    private static func heading(of site: Site) -> String {
        var text = "# " + MarkdownCopy.escaped(site.config.title) + "\n"
        let home = site.pages.first { $0.url == "/" }
        if let summary = site.config.description ?? home?.description, !summary.isEmpty {
            text += "\n> " + MarkdownCopy.escapedLine(summary) + "\n"
        }
        return text
    }

    /// A URL as a link destination: spaces, parentheses and angle brackets percent-encoded.
    private static func destination(_ url: String) -> String {
        let needsEncoding = url.utf8.contains { byte in
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">")
        }
        guard needsEncoding else { return url }
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
}

internal import PlaybookMarkdown
internal import PlaybookModel
internal import PlaybookRender

/// The search index of a built site: each rendered page's share (made from the facts rendering
/// returned, or kept from an earlier build), and the index files made from them.
enum SiteSearch {
    /// Each page's share, in the order of `pages`: `reusing` gives the share kept from an earlier
    /// build for a page that did not change, or `nil` to make it from the rendered page.
    static func parts(site: Site, pages: [RenderedPage], reusing: @Sendable (RenderedPage) -> SearchPart?) -> [SearchPart] {
        pages.parallelMap { rendered in reusing(rendered) ?? part(site: site, rendered: rendered) }
    }

    /// The pages the index lists: all but the print page, whose text is the other pages'.
    static func searched(_ pages: [RenderedPage], in site: Site) -> [RenderedPage] {
        pages.filter { site.pages[$0.index].kind != .print }
    }

    /// The share of one rendered page: its intro (the text before the first heading), then
    /// each heading with its text.
    static func part(site: Site, rendered: RenderedPage) -> SearchPart {
        let page = site.pages[rendered.index]
        let texts = rendered.sectionTexts
        // A page without text of its own before its first heading (a plan page, a section page
        // with only its list) shows its description instead.
        var intro = texts.first ?? rendered.plainText
        if intro.allSatisfy(\.isWhitespace) { intro = page.description ?? "" }
        var sections = [SearchPage.Section(anchor: "", heading: "", text: intro)]
        for (position, heading) in rendered.headings.enumerated() {
            let text = position + 1 < texts.count ? texts[position + 1] : ""
            sections.append(SearchPage.Section(anchor: heading.id, heading: heading.text, text: text))
        }
        let url = site.config.basePath + page.url.dropFirst()
        return SearchPart(page: SearchPage(
            url: url, title: page.title, description: page.description ?? "", sections: sections))
    }

    /// The index files for `parts`, as output files, with the digest of each text. A file an
    /// earlier build wrote into `previousFolder` with the same text (`previous` has their
    /// digests) is linked from there rather than written again: an edit rewrites the manifest
    /// and the shards of the words it touched. `patching`: the last build's memo and the pages
    /// whose shares changed since (see `SearchMemo`).
    static func files(
        parts: [SearchPart], site: Site, stemming: (any Stemming)?, previous: [String: UInt64], previousFolder: String?,
        patching: (memo: SearchMemo, changes: [SearchMemo.Change])? = nil
    ) -> (files: [OutputFile], digests: [String: UInt64], memo: SearchMemo) {
        let (made, memo) = SearchIndex.index(
            parts: parts, language: site.config.language, stemming: stemming, patching: patching)
        let digests = made.parallelMap { StableHash.of(Array($0.text.utf8)) }
        let files = zip(made, digests).map { file, digest in
            if let previousFolder, previous[file.path] == digest {
                return OutputFile(path: file.path, contents: .link(from: PathText.join(previousFolder, file.path)))
            }
            return OutputFile(path: file.path, contents: .text(file.text))
        }
        return (files, Dictionary(zip(made.map(\.path), digests), uniquingKeysWith: { $1 }), memo)
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel

/// The generated `/owners/` page (`owners.mustache`): every owner with their pages and each
/// page's review status. It is made when the site names owners (`owners:` in playbook.yml, or
/// any page's `owner:`), as the last entry of the top level.
enum OwnersPage {
    static let folder = "owners"
    static let title = "Owners and reviews"
    static let description = "Who keeps each page true, and when each page is next reviewed."

    /// The site with the page added; unchanged when it names no owner, or, with a warning, when
    /// the content already has a page at `/owners/`.
    static func adding(to site: Site) -> (Site, [Diagnostic]) {
        let named = !(site.config.owners ?? []).isEmpty || site.pages.contains { $0.freshness.owner != nil }
        guard named else { return (site, []) }
        if site.pages.contains(where: { $0.url == "/\(folder)/" }) {
            return (site, [
                GeneratedPages.taken(
                    "page/owners-taken", folder: folder, in: site, leftOut: "the generated list of owners",
                    hint: "rename that page to publish the list of owners and their reviews")
            ])
        }
        var pages = site.pages
        var sections = site.sections
        pages.append(
            Page(
                sourcePath: "\(folder)/index.html", displayPath: "\(folder)/", url: "/\(folder)/",
                outputPath: "\(folder)/index.html", title: title, description: description,
                type: PageKind.owners.rawValue, body: "", sectionPath: ""))
        if !sections.isEmpty { sections[0].children.append(.page(pages.count - 1)) }
        return (GeneratedPages.site(site, pages: pages, sections: sections), [])
    }
}

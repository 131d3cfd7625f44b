internal import PlaybookDiagnostics
internal import PlaybookModel

/// The generated `/print/` page (`print.mustache`): every page of the site in reading order on
/// one page, to print or save as PDF (the body is made by `PrintBook` when the page renders).
/// It is the site's last page and in no section, so the sidebar does not list it; the header
/// links to it. `print: false` in playbook.yml leaves it out.
enum PrintPage {
    static let folder = PageLocation.printFolder
    static let title = "The whole playbook"
    static let description = "Every page of the playbook on one page, to print or save as PDF."

    /// The page as the site lists it (its body is made when it renders).
    static let page = Page(
        sourcePath: "\(folder)/index.html", displayPath: "\(folder)/", url: "/\(folder)/",
        outputPath: "\(folder)/index.html", title: title, description: description,
        type: PageKind.print.rawValue, body: "", sectionPath: "")

    /// The site with the page added last; unchanged when `print` is off, or, with a warning,
    /// when the content already has a page at `/print/`.
    static func adding(to site: Site) -> (Site, [Diagnostic]) {
        guard site.config.print else { return (site, []) }
        if site.pages.contains(where: { $0.url == "/\(folder)/" }) {
            return (site, [
                GeneratedPages.taken(
                    "page/print-taken", folder: folder, in: site, leftOut: "the printable playbook",
                    hint: "rename that page, or set `print: false` in playbook.yml")
            ])
        }
        return (GeneratedPages.site(site, pages: site.pages + [page], sections: site.sections), [])
    }
}

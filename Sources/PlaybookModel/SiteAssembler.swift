internal import PlaybookDiagnostics
internal import Foundation

/// Puts loaded pages into a section tree in reading order, generating a page for every folder
/// that has no `_index.md`, and reports pages that would overwrite each other.
struct SiteAssembler {
    let config: SiteConfig
    let pages: [Page]
    let staticFiles: [String]

    func assemble() -> (site: Site, diagnostics: [Diagnostic]) {
        let diagnostics = urlCollisions()
        let unique = dropCollisions()

        // Every folder that holds a page, and all its ancestors, is a section.
        var folders: Set<String> = [""]
        for page in unique {
            var folder = page.sectionPath
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = PathText.parent(folder)
            }
        }
        var indexByFolder: [String: Page] = [:]
        var pagesByFolder: [String: [Page]] = [:]
        for page in unique {
            if page.isSectionIndex {
                indexByFolder[page.sectionPath] = page
            } else {
                pagesByFolder[page.sectionPath, default: []].append(page)
            }
        }
        var subfolders: [String: [String]] = [:]
        for folder in folders where !folder.isEmpty {
            subfolders[PathText.parent(folder), default: []].append(folder)
        }
        func indexPage(_ folder: String) -> Page {
            indexByFolder[folder] ?? generatedIndex(folder)
        }

        var ordered: [Page] = []
        var sections: [Section] = []
        func place(_ folder: String, parent: Int?) -> Int {
            let sectionIndex = sections.count
            ordered.append(indexPage(folder))
            sections.append(Section(path: folder, indexPage: ordered.count - 1, parent: parent))
            enum Entry { case page(Page), folder(String, Page) }
            var entries: [Entry] = (pagesByFolder[folder] ?? []).map { .page($0) }
            entries += (subfolders[folder] ?? []).map { .folder($0, indexPage($0)) }
            func key(_ entry: Entry) -> Page {
                switch entry {
                case .page(let page): page
                case .folder(_, let page): page
                }
            }
            entries.sort { Page.precedes(key($0), key($1)) }
            var children: [Section.Child] = []
            for entry in entries {
                switch entry {
                case .page(let page):
                    ordered.append(page)
                    children.append(.page(ordered.count - 1))
                case .folder(let sub, _):
                    children.append(.section(place(sub, parent: sectionIndex)))
                }
            }
            sections[sectionIndex].children = children
            return sectionIndex
        }
        _ = place("", parent: nil)
        return (Site(config: config, pages: ordered, sections: sections, staticFiles: staticFiles), diagnostics)
    }

    private func generatedIndex(_ folder: String) -> Page {
        let location = PageLocation(sourcePath: folder.isEmpty ? "_index.md" : folder + "/_index.md")
        return Page(
            sourcePath: location.outputPath, displayPath: "content/" + (folder.isEmpty ? "" : folder + "/"),
            url: location.url, outputPath: location.outputPath,
            title: folder.isEmpty ? config.title : PageLocation.readableName(folder), body: "",
            isSectionIndex: true, sectionPath: folder)
    }

    /// Errors for pages that map to the same output file, naming every file involved.
    private func urlCollisions() -> [Diagnostic] {
        var byOutput: [String: [Page]] = [:]
        for page in pages { byOutput[page.outputPath, default: []].append(page) }
        var diagnostics: [Diagnostic] = []
        for (_, group) in byOutput where group.count > 1 {
            let sorted = group.sorted { $0.sourcePath < $1.sourcePath }
            for page in sorted.dropFirst() {
                diagnostics.append(
                    .error(
                        "page/duplicate-url", at: SourceLocation(file: page.displayPath, line: 1),
                        "this page has the same URL \(page.url) as \(sorted[0].displayPath)",
                        hint: "rename one of the two files"))
            }
        }
        return diagnostics
    }

    private func dropCollisions() -> [Page] {
        var seen: Set<String> = []
        return pages.sorted { $0.sourcePath < $1.sourcePath }.filter { seen.insert($0.outputPath).inserted }
    }
}

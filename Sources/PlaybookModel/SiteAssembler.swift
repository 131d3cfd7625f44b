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
        let location = PageLocation(sourcePath: PathText.join(folder, "_index.md"), style: config.urlStyle)
        return Page(
            sourcePath: location.outputPath, displayPath: "content/" + (folder.isEmpty ? "" : folder + "/"),
            url: location.url, outputPath: location.outputPath,
            title: folder.isEmpty ? config.title : PageLocation.readableName(folder), body: "",
            isSectionIndex: true, sectionPath: folder)
    }

    /// Errors for pages that map to the same output file, naming every file involved: two
    /// pages for one folder (`index.md` and `README.md`), or two names that make the same URL.
    private func urlCollisions() -> [Diagnostic] {
        var byOutput: [String: [Page]] = [:]
        for page in pages { byOutput[page.outputPath, default: []].append(page) }
        var diagnostics: [Diagnostic] = []
        for (_, group) in byOutput where group.count > 1 {
            let sorted = group.sorted { $0.sourcePath < $1.sourcePath }
            for page in sorted.dropFirst() {
                let first = sorted[0]
                if page.isSectionIndex, first.isSectionIndex, page.sectionPath == first.sectionPath {
                    diagnostics.append(
                        .error(
                            "page/duplicate-index", at: SourceLocation(file: page.displayPath, line: 1),
                            "the folder '\(first.sectionPath.isEmpty ? "content" : first.sectionPath)' has two pages: \(first.displayPath) and \(page.displayPath)",
                            hint: "a folder's page is its _index.md, index.md or README.md: keep one, rename the other"))
                } else {
                    diagnostics.append(
                        .error(
                            "page/duplicate-url", at: SourceLocation(file: page.displayPath, line: 1),
                            "\(page.displayPath) and \(first.displayPath) both make the URL \(page.url)",
                            hint: config.urlStyle == .slug
                                ? "rename one of the two: names become lower-case URLs with hyphens (or set 'urls: keep' in playbook.yml)"
                                : "rename one of the two files"))
                }
            }
        }
        var staticByOutput: [String: String] = [:]
        for file in staticFiles {
            let output = PageLocation.staticOutputPath(file, style: config.urlStyle)
            if let other = staticByOutput[output] {
                diagnostics.append(
                    .error(
                        "page/duplicate-url", at: SourceLocation(file: "content/" + file),
                        "content/\(file) and content/\(other) would both be copied to \(output)",
                        hint: "rename one of the two folders or files"))
            } else {
                staticByOutput[output] = file
            }
        }
        return diagnostics
    }

    private func dropCollisions() -> [Page] {
        var seen: Set<String> = []
        return pages.sorted { $0.sourcePath < $1.sourcePath }.filter { seen.insert($0.outputPath).inserted }
    }
}

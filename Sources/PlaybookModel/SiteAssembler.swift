internal import PlaybookDiagnostics
internal import Foundation

/// Puts loaded pages into a section tree in reading order, generating a page for every folder
/// that has no `_index.md`, and reports pages that would overwrite each other.
struct SiteAssembler {
    let config: SiteConfig
    let pages: [Page]
    let staticFiles: [String]

    /// Every Markdown file found under content, relative to it, including those that made no
    /// page (drafts, files with errors): `order:` may name them without complaint.
    var markdownFiles: [String] = []

    func assemble() -> (site: Site, diagnostics: [Diagnostic]) {
        var diagnostics = urlCollisions() + reservedOutputs() + aliasCollisions()
        var tree = SectionTreeBuilder(pages: dropCollisions(), existing: existingPaths(), generatedIndex: generatedIndex)
        _ = tree.place("", parent: nil)
        diagnostics += tree.diagnostics
        let site = Site(config: config, pages: tree.ordered, sections: tree.sections, staticFiles: staticFiles)
        return (site, diagnostics)
    }

    /// Every Markdown file (`a/b.md`) and every folder that holds one (`a/`), relative to content.
    func existingPaths() -> Set<String> {
        var paths: Set<String> = []
        for file in markdownFiles + pages.map(\.sourcePath) where paths.insert(file).inserted {
            var folder = PathText.parent(file)
            while !folder.isEmpty, paths.insert(folder + "/").inserted {
                folder = PathText.parent(folder)
            }
        }
        return paths
    }

    private func generatedIndex(_ folder: String) -> Page {
        let location = PageLocation(sourcePath: PathText.join(folder, "_index.md"), style: config.urlStyle)
        return Page(
            sourcePath: location.outputPath, displayPath: config.contentPrefix + (folder.isEmpty ? "" : folder + "/"),
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
                            "the folder '\(first.sectionPath.isEmpty ? config.contentFolder : first.sectionPath)' has two pages: \(first.displayPath) and \(page.displayPath)",
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
                        "page/duplicate-url", at: SourceLocation(file: config.contentPrefix + file),
                        "\(config.contentPrefix)\(file) and \(config.contentPrefix)\(other) would both be copied to \(output)",
                        hint: "rename one of the two folders or files"))
            } else {
                staticByOutput[output] = file
            }
        }
        return diagnostics
    }

    /// Errors for pages and files that would land in the folder the build writes its own files
    /// into (`PageLocation.reservedFolder`), where they could overwrite one.
    private func reservedOutputs() -> [Diagnostic] {
        let hint = "rename the folder: the build writes each section's sidebar into \(PageLocation.reservedFolder)"
        var diagnostics: [Diagnostic] = []
        for page in pages where PageLocation.isReserved(page.outputPath) {
            diagnostics.append(
                .error(
                    "page/reserved-url", at: SourceLocation(file: page.displayPath, line: 1),
                    "\(page.displayPath) would be written to \(page.outputPath), a folder the build keeps for its own files",
                    hint: hint))
        }
        for file in staticFiles {
            let output = PageLocation.staticOutputPath(file, style: config.urlStyle)
            guard PageLocation.isReserved(output) else { continue }
            diagnostics.append(
                .error(
                    "page/reserved-url", at: SourceLocation(file: config.contentPrefix + file),
                    "\(config.contentPrefix)\(file) would be copied to \(output), a folder the build keeps for its own files",
                    hint: hint))
        }
        return diagnostics
    }

    private func dropCollisions() -> [Page] {
        var seen: Set<String> = []
        return pages.sorted { $0.sourcePath < $1.sourcePath }.filter { seen.insert($0.outputPath).inserted }
    }
}

internal import PlaybookDiagnostics

extension SiteAssembler {
    /// The file the build writes the redirects into, for hosts that read it (Netlify,
    /// Cloudflare Pages): one `old new 301` line per alias.
    static let redirectsFile = "_redirects"

    /// Errors for aliases whose redirect would replace something: a page, a file copied from
    /// content, another alias, a file the build keeps for itself. Each names both files; output
    /// paths are compared without case, as file systems that ignore case would.
    func aliasCollisions() -> [Diagnostic] {
        var taken: [String: String] = [:]
        // Every folder with pages gets a page of its own, generated when it has no _index.md.
        for folder in existingPaths() where folder.hasSuffix("/") {
            let location = PageLocation(sourcePath: folder + "_index.md", style: config.urlStyle)
            taken[location.outputPath.lowercased()] = config.contentPrefix + folder
        }
        taken["index.html"] = config.contentPrefix
        for page in pages { taken[page.outputPath.lowercased()] = page.displayPath }
        for file in staticFiles {
            taken[PageLocation.staticOutputPath(file, style: config.urlStyle).lowercased()] = config.contentPrefix + file
        }
        let hasAliases = pages.contains { !$0.aliases.isEmpty }
        var diagnostics: [Diagnostic] = []
        if hasAliases, let file = taken[Self.redirectsFile] {
            diagnostics.append(
                .error(
                    "page/alias-collision", at: SourceLocation(file: file),
                    "\(file) would be replaced by the list of redirects the build writes for the pages' aliases",
                    hint: "rename it, or move its lines into the pages' 'aliases:'"))
        }
        for page in pages.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            for alias in page.aliases {
                let output = alias.outputPath.lowercased()
                if let other = taken[output] {
                    diagnostics.append(collision(alias, of: page, with: other))
                } else if PageLocation.isReserved(output) {
                    diagnostics.append(
                        .error(
                            "page/alias-collision", at: alias.location,
                            "the alias \(alias.path) would be written into \(PageLocation.reservedFolder), a folder the build keeps for its own files",
                            hint: "an alias is the page's old address: remove this one"))
                } else {
                    taken[output] = page.displayPath
                }
            }
        }
        return diagnostics
    }

    private func collision(_ alias: PageAlias, of page: Page, with other: String) -> Diagnostic {
        let message =
            other == page.displayPath
            ? "the alias \(alias.path) is the address of \(page.displayPath) itself, or another of its aliases"
            : "the alias \(alias.path) of \(page.displayPath) would replace \(other)"
        return .error(
            "page/alias-collision", at: alias.location, message,
            hint: "an alias must be an address no page, file or other alias has: remove it or change it")
    }
}

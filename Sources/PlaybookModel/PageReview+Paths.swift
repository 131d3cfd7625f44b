internal import PlaybookDiagnostics
internal import Foundation

extension PageReview {
    /// The page file a command-line path names: as given, else relative to the site folder, else
    /// relative to its `content/` folder.
    ///
    /// - Returns: the file, or a usage error positioned at the path when there is no such file,
    ///   when it is a folder or not Markdown, or when it is not under the site's `content/`
    ///   (hidden folders included, which are not pages).
    /// The content folder `playbook.yml` names (`content` by default).
    var contentFolder: String { SiteConfig.contentFolder(ofSite: source) }

    func locate(_ path: String, contentRoot: String) -> Result<Located, Diagnostic> {
        let candidates = path.hasPrefix("/")
            ? [path]
            : [path, PathText.join(source, path), PathText.join(PathText.join(source, contentFolder), path)]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return .failure(problem(path, "no such file", hint: "name a Markdown file of the site, such as content/guide/writing-a-page.md"))
        }
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: found, isDirectory: &isFolder)
        if isFolder.boolValue {
            return .failure(problem(path, "this is a folder; playbook review marks files", hint: "name its pages, such as \(PathText.join(path, "*.md"))"))
        }
        guard ["md", "markdown"].contains(PathText.fileExtension(found).lowercased()) else {
            return .failure(problem(path, "this is not a Markdown file, so not a page", hint: "pages are the .md files under content/"))
        }
        // The folder resolved (a content folder may be a link), the file's own name kept: a link
        // to a file is a page, as the build reads it.
        let folder = URL(fileURLWithPath: PathText.parent(found).isEmpty ? "." : PathText.parent(found))
            .resolvingSymlinksInPath().standardizedFileURL.path
        let absolute = PathText.join(folder, PathText.name(found))
        guard PathText.isSameOrInside(absolute, contentRoot), absolute != contentRoot else {
            return .failure(problem(path, "this file is not under the site's content folder (\(PathText.join(source, contentFolder)))",
                                    hint: "pages live under \(contentFolder)/; with another site folder, pass --source DIR"))
        }
        let relative = String(absolute.dropFirst(contentRoot.count).drop { $0 == "/" })
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            return .failure(problem(path, "this file is in a hidden folder or is hidden, so it is not a page", hint: "pages are the .md files under content/ whose names do not start with '.'"))
        }
        return .success(Located(path: absolute, display: contentFolder + "/" + relative))
    }

    private func problem(_ path: String, _ message: String, hint: String) -> Diagnostic {
        .error("usage", at: SourceLocation(file: path), message, hint: hint)
    }
}

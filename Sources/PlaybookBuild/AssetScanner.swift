internal import PlaybookModel

/// Lists the files under `templates/assets/`, copied to `assets/` in the output.
enum AssetScanner {
    /// Output-relative paths (`assets/style.css`) and their absolute sources, sorted. The folder
    /// is walked by `FolderWalker`'s rule: hidden entries and symbolic links to folders are left
    /// out, linked files are copied as the files they point to.
    static func files(in templatesDir: String) -> [(output: String, source: String)] {
        let assetsDir = PathText.join(templatesDir, "assets")
        var files: [(String, String)] = []
        FolderWalker(root: assetsDir).walk { entry in
            guard entry.kind == .file || entry.kind == .linkedFile else { return }
            files.append(("assets/" + entry.path, PathText.join(assetsDir, entry.path)))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}

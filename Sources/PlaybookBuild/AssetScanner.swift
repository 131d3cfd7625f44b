internal import PlaybookModel

/// Lists the files under `templates/assets/`, copied to `assets/` in the output.
enum AssetScanner {
    /// Output-relative paths (`assets/style.css`) and their absolute sources, sorted. The
    /// templates folder is walked by `FolderWalker`'s rule, as the build cache walks it: hidden
    /// entries and symbolic links to folders (`assets` itself among them) are left out, linked
    /// files are copied as the files they point to.
    static func files(in templatesDir: String) -> [(output: String, source: String)] {
        var files: [(String, String)] = []
        FolderWalker(root: templatesDir).walk { entry in
            guard entry.kind == .file || entry.kind == .linkedFile, entry.path.hasPrefix("assets/") else { return }
            files.append((entry.path, PathText.join(templatesDir, entry.path)))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}

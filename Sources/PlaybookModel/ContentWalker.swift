internal import PlaybookDiagnostics
internal import Foundation

/// Lists the files under `content/` in a stable order, by `FolderWalker`'s rule: hidden entries
/// skipped, symbolic links to folders not followed (so a symlink loop cannot hang the build) but
/// warned about, as are links that point nowhere and linked files outside `content/`.
struct ContentWalker {
    let contentDir: String
    /// How display paths start: `content/`, or the folder `content:` names.
    var displayPrefix = "content/"

    struct Listing {
        /// Markdown files, relative to content, sorted.
        var markdownFiles: [String] = []
        /// Other files to copy (images, PDFs…), relative to content, sorted.
        var otherFiles: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    /// How deep folders may nest under `content/`. Each level is a level of the sidebar, and the
    /// templates render the sidebar recursively, so a folder tree thousands deep would exhaust the
    /// stack; no real playbook comes near this.
    static let maxDepth = 32

    /// Data files the build reads rather than copies.
    static let dataExtensions: Set<String> = ["yml", "yaml"]

    func walk() -> Listing {
        var listing = Listing()
        for entry in FolderWalker(root: contentDir, maxDepth: Self.maxDepth).entries() {
            switch entry.kind {
            case .file:
                add(entry.path, to: &listing)
            case .linkedFile:
                if isInside(entry.absolutePath) {
                    add(entry.path, to: &listing)
                } else {
                    listing.diagnostics.append(problem(at: entry))
                }
            case .linkedFolder, .brokenLink, .tooDeep, .unreadableFolder:
                listing.diagnostics.append(problem(at: entry))
            case .folder, .other:
                break
            }
        }
        listing.markdownFiles.sort()
        listing.otherFiles.sort()
        return listing
    }

    /// The diagnostic for an entry the build does not read.
    private func problem(at entry: FolderWalker.Entry) -> Diagnostic {
        let location = SourceLocation(file: displayPrefix + entry.path)
        switch entry.kind {
        case .unreadableFolder:
            return .error("file/unreadable", at: location, "this folder cannot be read")
        case .tooDeep:
            return .error(
                "file/too-deep", at: location,
                "folders are nested more than \(Self.maxDepth) deep here; the folder is not read",
                hint: "flatten the folder tree: each folder is a level of the sidebar")
        case .brokenLink:
            return .warning("file/symlink", at: location, "this symbolic link points nowhere (or into a loop); it is skipped")
        case .linkedFolder:
            return .warning(
                "file/symlink", at: location, "symbolic links to folders are not followed; it is skipped",
                hint: "move or copy the folder into \(displayPrefix)")
        case .linkedFile, .file, .folder, .other:  // only a linked file outside content/ comes here
            return .warning(
                "file/symlink", at: location, "this symbolic link points outside \(displayPrefix); it is skipped",
                hint: "copy the file into \(displayPrefix) instead")
        }
    }

    /// True when the real path of `full` (symbolic links resolved) is inside the content folder.
    private func isInside(_ full: String) -> Bool {
        let real = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: contentDir).resolvingSymlinksInPath().path
        return real != root && PathText.isSameOrInside(real, root)
    }

    private func add(_ path: String, to listing: inout Listing) {
        let ext = PathText.fileExtension(path).lowercased()
        if ext == "md" || ext == "markdown" {
            listing.markdownFiles.append(path)
        } else if !Self.dataExtensions.contains(ext) {
            listing.otherFiles.append(path)
        }
    }
}

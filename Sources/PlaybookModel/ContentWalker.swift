internal import PlaybookDiagnostics
internal import Foundation

/// Lists the files under `content/` in a stable order, without following symlinked folders
/// (so a symlink loop cannot hang the build) and without hidden files.
struct ContentWalker {
    let contentDir: String

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
        visit("", into: &listing)
        listing.markdownFiles.sort()
        listing.otherFiles.sort()
        return listing
    }

    private func visit(_ relative: String, into listing: inout Listing) {
        let absolute = relative.isEmpty ? contentDir : contentDir + "/" + relative
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: absolute).sorted()
        } catch {
            listing.diagnostics.append(
                .error(
                    "file/unreadable", at: SourceLocation(file: "content/" + relative),
                    "this folder cannot be read"))
            return
        }
        for name in entries where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = absolute + "/" + name
            // lstat, not FileManager's attributes: a dictionary per file was most of the walk.
            var info = stat()
            let mode = lstat(full, &info) == 0 ? info.st_mode & S_IFMT : 0
            if mode == S_IFDIR {
                let depth = path.split(separator: "/").count
                guard depth <= Self.maxDepth else {
                    listing.diagnostics.append(
                        .error(
                            "file/too-deep", at: SourceLocation(file: "content/" + path),
                            "folders are nested more than \(Self.maxDepth) deep here; the folder is not read",
                            hint: "flatten the folder tree: each folder is a level of the sidebar"))
                    continue
                }
                visit(path, into: &listing)
            } else if mode == S_IFLNK {
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) {
                    listing.diagnostics.append(
                        .warning(
                            "file/symlink", at: SourceLocation(file: "content/" + path),
                            "this symbolic link points nowhere (or into a loop); it is skipped"))
                } else if isDirectory.boolValue {
                    listing.diagnostics.append(
                        .warning(
                            "file/symlink", at: SourceLocation(file: "content/" + path),
                            "symbolic links to folders are not followed; it is skipped",
                            hint: "move or copy the folder into content/"))
                } else if !isInside(full) {
                    listing.diagnostics.append(
                        .warning(
                            "file/symlink", at: SourceLocation(file: "content/" + path),
                            "this symbolic link points outside content/; it is skipped",
                            hint: "copy the file into content/ instead"))
                } else {
                    add(path, to: &listing)
                }
            } else if mode == S_IFREG {
                add(path, to: &listing)
            }
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

internal import Foundation
internal import PlaybookDiagnostics
internal import PlaybookModel

/// The files of the project being migrated, read by path relative to its folder. Reading never
/// fails loudly: a missing or unreadable file is `nil`, and its caller says what that means.
struct ProjectFiles: Sendable {
    /// The project folder.
    let root: String

    /// The text of a file (UTF-8, byte-order mark dropped), or `nil`.
    func text(_ path: String) -> String? {
        guard let bytes = FileManager.default.contents(atPath: PathText.join(root, path)),
            case .success(let text) = SourceText.decode(Array(bytes), file: path)
        else { return nil }
        return text
    }

    /// True when `path` is a file.
    func isFile(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: PathText.join(root, path), isDirectory: &folder) && !folder.boolValue
    }

    /// True when `path` is a folder.
    func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: PathText.join(root, path), isDirectory: &folder) && folder.boolValue
    }

    /// The Markdown files under `folder`, relative to it, sorted (hidden entries skipped).
    func markdownFiles(in folder: String) -> [String] {
        FolderWalker(root: PathText.join(root, folder)).entries()
            .filter { ($0.kind == .file || $0.kind == .linkedFile) && ["md", "markdown"].contains(PathText.fileExtension($0.path).lowercased()) }
            .map(\.path).sorted()
    }

    /// Files named `name` under `folder`, hidden ones included (`.pages`), relative to it.
    func files(named name: String, in folder: String) -> [String] {
        let base = PathText.join(root, folder)
        guard let all = FileManager.default.enumerator(atPath: base) else { return [] }
        return all.compactMap { $0 as? String }.filter { PathText.name($0) == name }.sorted()
    }

    /// The YAML document in `path` as positioned nodes; a parse problem becomes a note.
    func yaml(_ path: String, into migration: inout Migration) -> YAMLNode? {
        guard let text = text(path) else { return nil }
        switch YAMLParser.parse(Self.withoutCustomTags(text), file: path) {
        case .success(let node): return node
        case .failure(let problem):
            migration.notes.append(problem)
            return nil
        }
    }

    /// MkDocs files name Python objects with tags (`!!python/name:pkg.fn`); they are read as
    /// plain text here, the same length so positions hold.
    static func withoutCustomTags(_ text: String) -> String {
        text.replacingOccurrences(of: "!!python/", with: "         ")
            .replacingOccurrences(of: "!ENV ", with: "     ")
    }
}

internal import Foundation

/// Where a content file lands on the site: pretty URLs, one folder per page.
///
/// `framework/plan.md` → `/framework/plan/` in `framework/plan/index.html`;
/// `framework/_index.md` → `/framework/` in `framework/index.html`.
public struct PageLocation: Sendable, Hashable {
    /// The URL path, percent-encoded, starting and ending with `/`.
    public var url: String
    /// The output file, relative to the output folder.
    public var outputPath: String
    /// True for `_index.md`.
    public var isSectionIndex: Bool
    /// The section folder the page belongs to (for `_index.md`, the folder it describes).
    public var sectionPath: String

    /// Computes the location of the content file at `sourcePath` (relative to content).
    public init(sourcePath: String) {
        let folder = PathText.parent(sourcePath)
        let name = PathText.removingExtension(PathText.name(sourcePath))
        isSectionIndex = name == "_index"
        sectionPath = folder
        let outputFolder = isSectionIndex ? folder : (folder.isEmpty ? name : folder + "/" + name)
        outputPath = outputFolder.isEmpty ? "index.html" : outputFolder + "/index.html"
        url = outputFolder.isEmpty ? "/" : "/" + Self.percentEncode(outputFolder) + "/"
    }

    /// The URL path of a section folder.
    public static func sectionURL(_ folder: String) -> String {
        folder.isEmpty ? "/" : "/" + percentEncode(folder) + "/"
    }

    /// Percent-encodes a path, keeping `/` and the characters URLs allow in paths.
    public static func percentEncode(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    /// A file or folder name made readable: `status-check_in` → `Status check in`.
    public static func readableName(_ path: String) -> String {
        let last = PathText.name(path)
        guard !last.isEmpty else { return "Home" }
        let words = last.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

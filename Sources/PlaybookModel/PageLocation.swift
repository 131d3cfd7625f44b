internal import Foundation

/// Where a content file lands on the site: pretty URLs, one folder per page.
///
/// `framework/plan.md` → `/framework/plan/` in `framework/plan/index.html`;
/// `framework/_index.md` (or `index.md`, or `README.md`) → `/framework/` in
/// `framework/index.html`. With the `slug` style, `Team Norms/Hiring.md` → `/team-norms/hiring/`.
public struct PageLocation: Sendable, Hashable {
    /// The URL path, percent-encoded, starting and ending with `/`.
    public var url: String
    /// The output file, relative to the output folder.
    public var outputPath: String
    /// True for a folder's page: `_index.md`, `index.md` or `README.md`.
    public var isSectionIndex: Bool
    /// The section folder the page belongs to (for a folder's page, the folder it describes).
    public var sectionPath: String

    /// The output folder the build fills with its own files (each section's sidebar script):
    /// no page or file of content may land in it (`SiteAssembler` reports one that would).
    public static let reservedFolder = "assets/nav/"

    /// The folder of the generated print page: its URL is `/print/` (`PrintPage`, `PrintBook`).
    public static let printFolder = "print"

    /// Whether `outputPath` (relative to the output folder) is in `reservedFolder`, compared
    /// without case, as file systems that ignore case would.
    public static func isReserved(_ outputPath: String) -> Bool {
        outputPath.lowercased().hasPrefix(reservedFolder)
    }

    /// File names (without extension, lower case) that make a folder's page, in order of
    /// precedence.
    public static let sectionIndexNames = ["_index", "index", "readme"]

    /// Computes the location of the content file at `sourcePath` (relative to content).
    public init(sourcePath: String, style: URLStyle = .slug) {
        let folder = PathText.parent(sourcePath)
        let name = PathText.removingExtension(PathText.name(sourcePath))
        isSectionIndex = Self.sectionIndexNames.contains(name.lowercased())
        sectionPath = folder
        let outputFolder = Self.outputFolder(isSectionIndex ? folder : PathText.join(folder, name), style: style)
        outputPath = outputFolder.isEmpty ? "index.html" : outputFolder + "/index.html"
        url = outputFolder.isEmpty ? "/" : "/" + Self.percentEncode(outputFolder) + "/"
    }

    /// The output folder (relative to the output root) for a content folder.
    public static func outputFolder(_ folder: String, style: URLStyle) -> String {
        guard style == .slug, !folder.isEmpty else { return folder }
        return folder.split(separator: "/").map { URLSlug.segment(String($0)) }.joined(separator: "/")
    }

    /// Where a file that is not Markdown (an image, a PDF) is copied: beside the page of its
    /// folder, under its own name. `Team Norms/Org Chart.png` → `team-norms/Org Chart.png`.
    public static func staticOutputPath(_ sourcePath: String, style: URLStyle) -> String {
        PathText.join(outputFolder(PathText.parent(sourcePath), style: style), PathText.name(sourcePath))
    }

    /// The URL path of a section folder.
    public static func sectionURL(_ folder: String, style: URLStyle = .slug) -> String {
        folder.isEmpty ? "/" : "/" + percentEncode(outputFolder(folder, style: style)) + "/"
    }

    /// Percent-encodes a path, keeping `/` and the characters URLs allow in paths.
    public static func percentEncode(_ path: String) -> String {
        // Most paths (every slugged one) need nothing encoded: say so without Foundation.
        if path.utf8.allSatisfy({ asciiPathAllowed[Int($0)] }) { return path }
        return path.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? path
    }

    private static let pathAllowed: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return allowed
    }()

    /// `pathAllowed` for each byte below 128 (false for every other byte).
    private static let asciiPathAllowed: [Bool] = (0..<256).map { byte in
        byte < 0x80 && pathAllowed.contains(Unicode.Scalar(UInt8(byte)))
    }

    /// A file or folder name made readable: `status-check_in` → `Status check in`;
    /// `Team Norms` stays as written.
    public static func readableName(_ path: String) -> String {
        let last = PathText.name(path)
        guard !last.isEmpty else { return "Home" }
        let words = last.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

public import PlaybookDiagnostics
internal import Foundation

/// An old address of a page (`aliases:` in its front matter): the build writes a redirect there,
/// so links shared before the page moved keep working.
public struct PageAlias: Sendable, Hashable {
    /// The site path, without the base path: `/old/path/` or `/old/page.html`.
    public var path: String
    /// Where the redirect is written, relative to the output folder: `old/path/index.html`.
    public var outputPath: String
    /// The list item's position in the file.
    public var location: SourceLocation

    public init(path: String, outputPath: String, location: SourceLocation) {
        self.path = path
        self.outputPath = outputPath
        self.location = location
    }

    /// The alias written `text`, or why it cannot be one: a path of this site, from its root,
    /// without a scheme, a host, a query, a fragment or a `.`/`..` segment, so a redirect is
    /// never written outside the output folder.
    public static func parse(_ written: String) -> Result<(path: String, outputPath: String), AliasProblem> {
        // An address copied from a browser has its escapes: the file is written under the name they stand for.
        let text = written.removingPercentEncoding ?? written
        if text.contains("://") || text.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil {
            return .failure(AliasProblem("'\(text)' is a URL, not a path of this site", hint: "write the old path only: /old/page/"))
        }
        guard text.hasPrefix("/"), !text.hasPrefix("//") else {
            return .failure(AliasProblem(
                "'\(text)' does not start with a single '/'", hint: "write the old path from the site's root: /old/page/"))
        }
        if text.contains(where: { $0 == "?" || $0 == "#" || $0 == "\\" || $0.isNewline || $0.asciiValue.map { $0 < 0x20 } == true }) {
            return .failure(AliasProblem(
                "'\(text)' has a character a path cannot have here ('?', '#', '\\\\' or a control character)",
                hint: "write the path alone: a redirect page is found by its path"))
        }
        let segments = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.contains(where: { $0 == "." || $0 == ".." }) {
            return .failure(AliasProblem("'\(text)' has a '.' or '..' segment", hint: "write the path without them: /old/page/"))
        }
        let joined = segments.joined(separator: "/")
        if let last = segments.last, last.lowercased().hasSuffix(".html") || last.lowercased().hasSuffix(".htm") {
            return .success(("/" + joined, joined))
        }
        return .success((joined.isEmpty ? "/" : "/" + joined + "/", joined.isEmpty ? "index.html" : joined + "/index.html"))
    }
}

/// Why a text cannot be an alias.
public struct AliasProblem: Error, Sendable {
    public let message: String
    public let hint: String

    init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }
}

extension FieldReader {
    /// The `aliases:` list: one path or a list of them, each checked (see `PageAlias.parse`).
    public mutating func aliases(_ node: YAMLNode, key: String) -> [PageAlias] {
        if node.isNull { return [] }
        let items = node.sequence ?? [node]
        var aliases: [PageAlias] = []
        for item in items {
            guard let text = item.scalarText else {
                wrongType(item, key: key, expected: "a path such as /old/page/")
                continue
            }
            switch PageAlias.parse(text.trimmingCharacters(in: .whitespaces)) {
            case .success(let parsed):
                aliases.append(PageAlias(path: parsed.path, outputPath: parsed.outputPath, location: item.location))
            case .failure(let problem):
                error("page/alias-invalid", at: item, "alias \(problem.message)", hint: problem.hint)
            }
        }
        return aliases
    }
}

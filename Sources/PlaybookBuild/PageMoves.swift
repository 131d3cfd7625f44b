public import PlaybookDiagnostics
public import PlaybookLint
internal import PlaybookModel

/// The pages renamed or deleted since a git revision, with the site's pages as they are now:
/// what `playbook lint --since REV` gives `page/moved-without-alias` to check. One
/// `git diff --name-status -M` between the revision and the working tree, over `content/`.
public enum PageMoves {
    /// The moves since `revision` and the pages now, for the site folder `source`.
    ///
    /// - Throws: `DiagnosticError` (usage) when git is missing, `source` is not in a repository,
    ///   the revision is unknown, or the site cannot be loaded.
    public static func read(since revision: String, source: String) throws -> (moves: [PageMove], pages: [PageAddress]) {
        let loaded = try ContentLoader(root: source, includeDrafts: true).load()
        let style = loaded.site.config.urlStyle
        let prefix = loaded.site.config.contentPrefix
        let git = ProcessRunner(program: "git", environment: GitHistory.environment)
        let arguments = ["-C", source, "diff", "--name-status", "-M", "-z", "--relative", revision, "--", prefix]
        switch git.run(arguments) {
        case .failure(let failure):
            throw DiagnosticError.usage(
                "git could not compare the content with '\(revision)': \(failure.reason)", file: source,
                hint: "pass a revision this repository has, such as origin/main (fetch it first in CI)")
        case .success(let output):
            let pages = loaded.site.pages.map {
                PageAddress(file: $0.displayPath, url: $0.url, aliases: $0.aliases)
            }
            return (moves(inDiff: output.bytes, style: style, prefix: prefix), pages)
        }
    }

    /// The page files deleted or renamed in the output of `git diff --name-status -M -z`, with
    /// the URL each had.
    static func moves(inDiff bytes: [UInt8], style: URLStyle, prefix: String = "content/") -> [PageMove] {
        let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var moves: [PageMove] = []
        var index = 0
        while index + 1 < fields.count {
            let status = fields[index]
            let old = fields[index + 1]
            let isRename = status.hasPrefix("R") || status.hasPrefix("C")
            let new = isRename && index + 2 < fields.count ? fields[index + 2] : nil
            index += isRename ? 3 : 2
            guard status.hasPrefix("R") || status == "D", isPage(old), old.hasPrefix(prefix) else { continue }
            let relative = String(old.dropFirst(prefix.count))
            moves.append(PageMove(
                oldFile: old, newFile: new.flatMap { isPage($0) ? $0 : nil },
                oldURL: PageLocation(sourcePath: relative, style: style).url))
        }
        return moves
    }

    private static func isPage(_ path: String) -> Bool {
        ["md", "markdown"].contains(PathText.fileExtension(path).lowercased())
    }
}

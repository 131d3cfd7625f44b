/// Path arithmetic on `/`-separated strings, used instead of `NSString`'s path methods
/// (which crashed here under concurrent use in swift-corelibs-foundation).
///
/// It works on the UTF-8 bytes (`/` and `.` are ASCII), as POSIX does: it runs for every file of
/// a large site, and the `Character` view was a third of the cost of locating a page.
public enum PathText {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// `a/b/c.md` → `a/b`; `c.md` → `""`.
    public static func parent(_ path: String) -> String {
        let bytes = trimmedTrailingSlashes(path)
        guard let slashIndex = bytes.lastIndex(of: slash) else { return "" }
        if slashIndex == bytes.startIndex { return "/" }
        return String(Substring(bytes[..<slashIndex]))
    }

    /// `a/b/c.md` → `c.md`.
    public static func name(_ path: String) -> String {
        let bytes = trimmedTrailingSlashes(path)
        guard let slashIndex = bytes.lastIndex(of: slash) else { return String(Substring(bytes)) }
        return String(Substring(bytes[bytes.index(after: slashIndex)...]))
    }

    /// `c.md` → `md`; `README` → `""`.
    public static func fileExtension(_ path: String) -> String {
        let last = name(path).utf8
        guard let dotIndex = last.lastIndex(of: dot), dotIndex != last.startIndex else { return "" }
        return String(Substring(last[last.index(after: dotIndex)...]))
    }

    /// `a/c.md` → `a/c`.
    public static func removingExtension(_ path: String) -> String {
        let ext = fileExtension(path)
        guard !ext.isEmpty else { return path }
        let utf8 = path.utf8
        return String(Substring(utf8[..<utf8.index(utf8.endIndex, offsetBy: -(ext.utf8.count + 1))]))
    }

    /// True when `path` is `folder` or lies under it (both absolute and standardized).
    public static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Joins two paths with exactly one `/` between them.
    public static func join(_ base: String, _ relative: String) -> String {
        if base.isEmpty { return relative }
        if relative.isEmpty { return base }
        return base.utf8.last == slash ? base + relative : base + "/" + relative
    }

    /// The path without trailing slashes, keeping one character (so `/` stays `/`).
    private static func trimmedTrailingSlashes(_ path: String) -> Substring.UTF8View {
        var bytes = Substring(path).utf8
        while bytes.count > 1, bytes.last == slash { bytes = bytes.dropLast() }
        return bytes
    }
}

/// Turns the path of an HTTP request into a path inside the built site, refusing anything that
/// could reach outside it: `..` segments (also percent-encoded), backslashes, NUL bytes and paths
/// outside the base path.
public enum RequestPath {
    /// The outcome of resolving a request path.
    public enum Resolution: Equatable, Sendable {
        /// A file of the site, relative to the output folder (`framework/plan/index.html`).
        case file(String)
        /// A folder requested without its trailing slash: redirect to this URL path.
        case redirect(String)
        /// Not a path the server will look up (traversal, bad encoding, outside the base path).
        case refused
    }

    /// Resolves `rawPath` (percent-encoded, as sent) against a site published at `basePath`.
    /// `isFolder` tells whether a relative path names a folder of the site.
    public static func resolve(_ rawPath: String, basePath: String, isFolder: (String) -> Bool) -> Resolution {
        guard let decoded = rawPath.removingPercentEncodingSafely(), !decoded.contains("\0"), !decoded.contains("\\")
        else { return .refused }
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        var inner: Substring
        if decoded == String(base.dropLast()) {
            return .redirect(base)
        } else if decoded.hasPrefix(base) {
            inner = decoded.dropFirst(base.count)
        } else {
            return .refused
        }
        var parts: [Substring] = []
        for segment in inner.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == ".." || segment == "." { return .refused }
            parts.append(segment)
        }
        let relative = parts.joined(separator: "/")
        if relative.isEmpty { return .file("index.html") }
        if inner.hasSuffix("/") { return .file(relative + "/index.html") }
        if isFolder(relative) { return .redirect(base + relative + "/") }
        return .file(relative)
    }
}

extension String {
    /// Percent-decodes the string; `nil` when an escape is malformed or the bytes are not UTF-8.
    func removingPercentEncodingSafely() -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue)
                else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

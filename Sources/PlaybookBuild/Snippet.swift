internal import PlaybookModel

/// The start of a text for a search result: runs of white space made single spaces, cut at a
/// word boundary, "…" added when cut.
enum Snippet {
    /// The start of `text`, at most `length` characters, quoted as a JSON string, the "…" of a cut text added after quoting:
    /// its first byte (0xE2, as in U+2028) sent every cut text down `quote`'s slow path.
    static func quotedStart(of text: String, length: Int) -> String {
        let (start, cut) = uncut(text, length: length)
        let quoted = JSONString.quote(start, escapingMarkup: true)
        return cut ? "\(quoted.dropLast())…\"" : quoted
    }

    /// The start of the text, and whether it was cut.
    private static func uncut(_ text: String, length: Int) -> (start: String, cut: Bool) {
        var out: [UInt8] = []
        var pendingSpace = false
        var count = 0
        var lastSpace: Int?
        // Over the UTF-8 bytes, counting scalars (bytes that are not continuation bytes):
        // several times faster than walking Characters, and the same for the usual text.
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                pendingSpace = !out.isEmpty
                continue
            }
            let startsScalar = byte & 0xC0 != 0x80
            if startsScalar, count >= length {
                return (String(decoding: out[..<(lastSpace ?? out.count)], as: UTF8.self), true)
            }
            if pendingSpace {
                lastSpace = out.count
                out.append(UInt8(ascii: " "))
                count += 1
                pendingSpace = false
            }
            out.append(byte)
            if startsScalar { count += 1 }
        }
        return (String(decoding: out, as: UTF8.self), false)
    }
}

/// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and
/// `'` become entities. The one escaper every target uses.
///
/// It works on UTF-8 bytes, not Characters: a `"` or `<` followed by a combining mark is one
/// Character that compares unequal to `"`, and a Character-based escaper lets it through, which
/// ends a quoted attribute early (`alt="x"́ onerror=…`).
public func escapeHTML(_ text: String) -> String {
    // Over the contiguous bytes where the string has them (native strings do): the generic
    // UTF-8 view's iterator cost thirty instructions a byte.
    let needsEscaping =
        text.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsHTMLEscape) }
        ?? text.utf8.contains(where: needsHTMLEscape)
    guard needsEscaping else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
        default: out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

private func needsHTMLEscape(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
}

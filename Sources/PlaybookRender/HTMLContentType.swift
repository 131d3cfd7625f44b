internal import Mustache

/// How `{{value}}` is escaped in every template: `<`, `>`, `&`, `"` and `'` as entities, the same
/// five swift-mustache's HTML type escapes.
///
/// Two differences, both on purpose: text with nothing to escape (most values) is returned as
/// it is after one pass over its bytes instead of being rebuilt Character by Character, which
/// was a tenth of a large build; and the scan is over bytes, so a `<` followed by a combining
/// mark (one Character, which a Character comparison lets through) is escaped too.
struct HTMLContentType: MustacheContentType {
    /// The name the templates' pragma uses.
    static let name = "PLAYBOOK_HTML"
    /// Put in front of every template so its `{{value}}`s use this type.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the type with swift-mustache once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        // Over the contiguous bytes where the string has them (native strings do): the generic
        // UTF-8 view iteration cost thirty instructions a byte.
        let needsEscaping =
            text.utf8.withContiguousStorageIfAvailable { $0.contains(where: Self.needsEscape) }
            ?? text.utf8.contains(where: Self.needsEscape)
        guard needsEscaping else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}

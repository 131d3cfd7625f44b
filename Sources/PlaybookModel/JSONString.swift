/// JSON string literals, written the same way by every JSON the tool emits (lint reports, the
/// search index): quotes, backslashes, control characters and U+2028/U+2029 escaped.
public enum JSONString {
    /// `text` as a quoted JSON string literal. With `escapingMarkup`, `<`, `>` and `&` are
    /// written as `\u003c`, `\u003e` and `\u0026`, so the JSON stays inert even if it is ever
    /// placed inside HTML (the search index).
    public static func quote(_ text: String, escapingMarkup: Bool = false) -> String {
        if !needsEscaping(text, escapingMarkup: escapingMarkup) { return "\"" + text + "\"" }
        // Over the bytes: every byte that needs no escape is copied as it is.
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 16)
        var rest = Array(text.utf8)[...]
        while let byte = rest.popFirst() { appendEscaped(byte, following: &rest, escapingMarkup: escapingMarkup, to: &out) }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one byte of a string literal's text to `out`, escaped as `quote` escapes it;
    /// U+2028 and U+2029 take the two bytes after it from `rest` too. For writers that build
    /// JSON as bytes (the search index's fragments).
    public static func appendEscaped(
        _ byte: UInt8, following rest: inout ArraySlice<UInt8>, escapingMarkup: Bool, to out: inout [UInt8]
    ) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
        case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        // One `where` per pattern: on a list of patterns it would guard only the last one.
        case UInt8(ascii: "<") where escapingMarkup, UInt8(ascii: ">") where escapingMarkup,
            UInt8(ascii: "&") where escapingMarkup:
            unicodeEscape(Int(byte), to: &out)
        case 0..<0x20: unicodeEscape(Int(byte), to: &out)
        case 0xE2 where rest.count >= 2 && rest[rest.startIndex] == 0x80
            && (rest[rest.startIndex + 1] == 0xA8 || rest[rest.startIndex + 1] == 0xA9):
            unicodeEscape(rest[rest.startIndex + 1] == 0xA8 ? 0x2028 : 0x2029, to: &out)
            rest.removeFirst(2)
        default: out.append(byte)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func unicodeEscape(_ value: Int, to out: inout [UInt8]) {
        out += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[(value >> shift) & 0xF]) }
    }

    /// False for the common text with nothing to escape, found by one pass over the bytes.
    /// 0xE2 starts U+2028 and U+2029 (and other characters, which then take the slow path).
    private static func needsEscaping(_ text: String, escapingMarkup: Bool) -> Bool {
        text.utf8.contains { !isPlain($0, escapingMarkup: escapingMarkup) }
    }

    /// Whether `appendEscaped` writes `byte` as it is, whatever follows it.
    public static func isPlain(_ byte: UInt8, escapingMarkup: Bool) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), 0xE2: false
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): !escapingMarkup
        default: true
        }
    }
}

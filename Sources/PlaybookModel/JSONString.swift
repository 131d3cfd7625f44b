/// JSON string literals, written the same way by every JSON the tool emits (lint reports, the
/// search index): quotes, backslashes, control characters and U+2028/U+2029 escaped.
public enum JSONString {
    /// `text` as a quoted JSON string literal. With `escapingMarkup`, `<`, `>` and `&` are
    /// written as `\u003c`, `\u003e` and `\u0026`, so the JSON stays inert even if it is ever
    /// placed inside HTML (the search index).
    public static func quote(_ text: String, escapingMarkup: Bool = false) -> String {
        if !needsEscaping(text, escapingMarkup: escapingMarkup) { return "\"" + text + "\"" }
        // Over the bytes: every byte that needs no escape is copied as it is.
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 16)
        let bytes = Array(text.utf8)
        var index = 0
        func unicodeEscape(_ value: Int) {
            out += Array("\\u".utf8)
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[(value >> shift) & 0xF]) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "<") where escapingMarkup: unicodeEscape(0x3C)
            case UInt8(ascii: ">") where escapingMarkup: unicodeEscape(0x3E)
            case UInt8(ascii: "&") where escapingMarkup: unicodeEscape(0x26)
            case 0..<0x20: unicodeEscape(Int(byte))
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// False for the common text with nothing to escape, found by one pass over the bytes.
    /// 0xE2 starts U+2028 and U+2029 (and other characters, which then take the slow path).
    private static func needsEscaping(_ text: String, escapingMarkup: Bool) -> Bool {
        text.utf8.contains { byte in
            switch byte {
            case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), 0xE2: true
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): escapingMarkup
            default: false
            }
        }
    }
}

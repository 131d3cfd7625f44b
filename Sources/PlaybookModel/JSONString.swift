/// JSON string literals, written the same way by every JSON the tool emits (lint reports, the
/// search index): quotes, backslashes, control characters and U+2028/U+2029 escaped.
public enum JSONString {
    /// `text` as a quoted JSON string literal. With `escapingMarkup`, `<`, `>` and `&` are
    /// written as `\u003c`, `\u003e` and `\u0026`, so the JSON stays inert even if it is ever
    /// placed inside HTML (the search index).
    public static func quote(_ text: String, escapingMarkup: Bool = false) -> String {
        if !needsEscaping(text, escapingMarkup: escapingMarkup) { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where escapingMarkup: out += "\\u003c"
            case ">" where escapingMarkup: out += "\\u003e"
            case "&" where escapingMarkup: out += "\\u0026"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
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

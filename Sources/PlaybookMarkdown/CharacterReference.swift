/// HTML character references (`&amp;`, `&#106;`, `&#x6A;`): decoding attribute values the way a
/// browser does, and escaping text while keeping the references a writer typed.
enum CharacterReference {
    /// The named references decoded: the ones HTML text commonly uses, and every one that can
    /// spell a URL scheme's separator or the whitespace browsers strip from URLs. A name not
    /// listed stays as written, and the output escapes its `&`, so the browser reads it as
    /// written too: what is checked is what the browser sees.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "colon": ":", "Tab": "\t", "NewLine": "\n", "sol": "/", "bsol": "\\", "lpar": "(", "rpar": ")",
        "period": ".", "comma": ",", "excl": "!", "quest": "?", "num": "#", "percnt": "%", "equals": "=",
        "semi": ";", "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "middot": "·",
        "bull": "•", "times": "×", "deg": "°", "larr": "←", "rarr": "→", "euro": "€",
    ]

    /// Names browsers also decode without the `;` (a few of HTML's legacy ones).
    private static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// Decodes the references in `bytes`. Numeric references need no `;` (browsers read
    /// `&#106avascript:` as `javascript:`); a legacy name without `;` in an attribute is left
    /// alone before `=` or an alphanumeric character, as browsers leave it.
    static func decode(_ bytes: ArraySlice<UInt8>, inAttribute: Bool) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "&"),
                let (text, length) = reference(in: bytes, at: index, inAttribute: inAttribute)
            else {
                out.append(bytes[index])
                index += 1
                continue
            }
            out.append(contentsOf: text.utf8)
            index += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The reference at `start` (an `&`): its text and its length in bytes.
    private static func reference(
        in bytes: ArraySlice<UInt8>, at start: Int, inAttribute: Bool
    ) -> (String, Int)? {
        var cursor = start + 1
        if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "#") {
            return numeric(in: bytes, at: start)
        }
        var name: [UInt8] = []
        while cursor < bytes.endIndex, isAlphanumeric(bytes[cursor]), name.count < 32 {
            name.append(bytes[cursor])
            cursor += 1
        }
        let key = String(decoding: name, as: UTF8.self)
        if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ";"), let text = named[key] {
            return (text, cursor + 1 - start)
        }
        // A legacy name without `;`: the longest one that prefixes the letters read.
        for length in stride(from: name.count, to: 1, by: -1) {
            let prefix = String(decoding: name.prefix(length), as: UTF8.self)
            guard legacy.contains(prefix), let text = named[prefix] else { continue }
            let next = start + 1 + length
            if inAttribute, next < bytes.endIndex, bytes[next] == UInt8(ascii: "=") || isAlphanumeric(bytes[next]) {
                return nil
            }
            return (text, length + 1)
        }
        return nil
    }

    /// `&#123;` or `&#x7B;`, the `;` optional; zero, surrogates and values past Unicode become U+FFFD.
    private static func numeric(in bytes: ArraySlice<UInt8>, at start: Int) -> (String, Int)? {
        var cursor = start + 2
        let hex = cursor < bytes.endIndex && (bytes[cursor] | 0x20) == UInt8(ascii: "x")
        if hex { cursor += 1 }
        var value = 0
        var digits = 0
        while cursor < bytes.endIndex, let digit = digitValue(bytes[cursor], hex: hex) {
            value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
            digits += 1
            cursor += 1
        }
        guard digits > 0 else { return nil }
        if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ";") { cursor += 1 }
        let scalar = value == 0 ? nil : Unicode.Scalar(value)
        return (String(Character(scalar ?? "\u{FFFD}")), cursor - start)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
    }

    /// Text from raw HTML, escaped for element content: `<` and `>` always, `&` unless it starts
    /// a well-formed reference (`&name;`, `&#123;`, `&#x7B;`), which stays as the writer typed it.
    static func escapeText(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "&") where !isWellFormed(bytes, at: index): out += Array("&amp;".utf8)
            default: out.append(bytes[index])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `&` followed by a name or a decimal or hex number, then `;`.
    private static func isWellFormed(_ bytes: ArraySlice<UInt8>, at start: Int) -> Bool {
        var cursor = start + 1
        var hex = false
        if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            if cursor < bytes.endIndex, (bytes[cursor] | 0x20) == UInt8(ascii: "x") {
                hex = true
                cursor += 1
            }
            let digitsStart = cursor
            while cursor < bytes.endIndex, digitValue(bytes[cursor], hex: hex) != nil, cursor - digitsStart < 8 { cursor += 1 }
            return cursor > digitsStart && cursor < bytes.endIndex && bytes[cursor] == UInt8(ascii: ";")
        }
        let nameStart = cursor
        while cursor < bytes.endIndex, isAlphanumeric(bytes[cursor]), cursor - nameStart < 32 { cursor += 1 }
        return cursor > nameStart && (bytes[nameStart] | 0x20) >= UInt8(ascii: "a")
            && cursor < bytes.endIndex && bytes[cursor] == UInt8(ascii: ";")
    }
}

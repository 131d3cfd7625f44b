/// Decides what a plain (unquoted, untagged) YAML scalar resolves to, by the same rules as
/// Yams' default resolver (YAML 1.1 booleans such as `on`, sexagesimal numbers, timestamps),
/// written as byte scanners.
///
/// Yams applies those rules as up to seven `NSRegularExpression`s per scalar, which was half
/// the time of reading a plan; this gives the same answers without them.
enum YAMLScalarResolver {
    /// The kind of a plain scalar's text.
    static func kind(ofPlain text: String) -> YAMLNode.ScalarKind {
        if bools.contains(text) { return .bool }
        let bytes = Array(text.utf8)
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        if nulls.contains(text) { return .null }
        if isTimestamp(bytes) { return .timestamp }
        return .string
    }

    static let bools: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// A cursor over the bytes of a scalar.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ allowed: (UInt8) -> Bool) -> Bool {
            guard let byte = peek, allowed(byte) else { return false }
            index += 1
            return true
        }

        mutating func take(_ byte: UInt8) -> Bool { take { $0 == byte } }

        /// Takes as many bytes as match; returns how many.
        @discardableResult
        mutating func takeAll(_ allowed: (UInt8) -> Bool) -> Int {
            let start = index
            while take(allowed) {}
            return index - start
        }

        mutating func takeSign() { _ = take { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") } }

        mutating func takeWord(_ words: [String]) -> Bool {
            for word in words where bytes[index...].starts(with: word.utf8) {
                index += word.utf8.count
                return true
            }
            return false
        }

        /// `(?::[0-5]?[0-9])+`
        mutating func takeSexagesimalGroups() -> Bool {
            var groups = 0
            while peek == UInt8(ascii: ":") {
                index += 1
                guard let first = peek, isDigit(first) else { return false }
                index += 1
                if (UInt8(ascii: "0")...UInt8(ascii: "5")).contains(first), let second = peek, isDigit(second) {
                    index += 1
                }
                groups += 1
            }
            return groups > 0
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "_") }

    /// Matches one alternative: the scanner must reach the end of the text.
    private static func whole(_ bytes: [UInt8], _ body: (inout Scanner) -> Bool) -> Bool {
        var scanner = Scanner(bytes: bytes)
        return body(&scanner) && scanner.atEnd
    }

    static func isInt(_ bytes: [UInt8]) -> Bool {
        let underscore = UInt8(ascii: "_")
        return whole(bytes) { s in  // [-+]?0b[0-1_]+
            s.takeSign()
            return s.take(UInt8(ascii: "0")) && s.take(UInt8(ascii: "b"))
                && s.takeAll { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == underscore } > 0
        } || whole(bytes) { s in  // [-+]?0o?[0-7_]+
            s.takeSign()
            guard s.take(UInt8(ascii: "0")) else { return false }
            _ = s.take(UInt8(ascii: "o"))
            return s.takeAll { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) || $0 == underscore } > 0
        } || whole(bytes) { s in  // [-+]?(?:0|[1-9][0-9_]*)
            s.takeSign()
            if s.take(UInt8(ascii: "0")) { return true }
            guard s.take({ isDigit($0) && $0 != UInt8(ascii: "0") }) else { return false }
            s.takeAll(isDigitOrUnderscore)
            return true
        } || whole(bytes) { s in  // [-+]?0x[0-9a-fA-F_]+
            s.takeSign()
            return s.take(UInt8(ascii: "0")) && s.take(UInt8(ascii: "x"))
                && s.takeAll { isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20) || $0 == underscore } > 0
        } || whole(bytes) { s in  // [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
            s.takeSign()
            guard s.take({ isDigit($0) && $0 != UInt8(ascii: "0") }) else { return false }
            s.takeAll(isDigitOrUnderscore)
            return s.takeSexagesimalGroups()
        }
    }

    static func isFloat(_ bytes: [UInt8]) -> Bool {
        let dot = UInt8(ascii: ".")
        func exponent(_ s: inout Scanner, signRequired: Bool) -> Bool {
            guard s.take({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return true }
            let signed = s.take { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
            if signRequired && !signed { return false }
            return s.takeAll(isDigit) > 0
        }
        return whole(bytes) { s in  // [-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
            s.takeSign()
            guard s.take(isDigit) else { return false }
            s.takeAll(isDigitOrUnderscore)
            if s.take(dot) { s.takeAll(isDigitOrUnderscore) }
            return exponent(&s, signRequired: false)
        } || whole(bytes) { s in  // \.[0-9_]+(?:[eE][-+][0-9]+)?
            s.take(dot) && s.takeAll(isDigitOrUnderscore) > 0 && exponent(&s, signRequired: true)
        } || whole(bytes) { s in  // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
            s.takeSign()
            guard s.take(isDigit) else { return false }
            s.takeAll(isDigitOrUnderscore)
            guard s.takeSexagesimalGroups(), s.take(dot) else { return false }
            s.takeAll(isDigitOrUnderscore)
            return true
        } || whole(bytes) { s in  // [-+]?\.(?:inf|Inf|INF)
            s.takeSign()
            return s.take(dot) && s.takeWord(["inf", "Inf", "INF"])
        } || whole(bytes) { s in  // \.(?:nan|NaN|NAN)
            s.take(dot) && s.takeWord(["nan", "NaN", "NAN"])
        }
    }

    static func isTimestamp(_ bytes: [UInt8]) -> Bool {
        func digits(_ s: inout Scanner, _ least: Int, _ most: Int) -> Bool {
            var count = 0
            while count < most, s.take(isDigit) { count += 1 }
            return count >= least
        }
        let dash = UInt8(ascii: "-")
        let colon = UInt8(ascii: ":")
        return whole(bytes) { s in  // [0-9]{4}-[0-9]{2}-[0-9]{2}
            digits(&s, 4, 4) && s.take(dash) && digits(&s, 2, 2) && s.take(dash) && digits(&s, 2, 2)
        } || whole(bytes) { s in
            // [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
            // (?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?
            let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard digits(&s, 4, 4), s.take(dash), digits(&s, 1, 2), s.take(dash), digits(&s, 1, 2) else { return false }
            guard s.take({ $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) || s.takeAll(blank) > 0 else { return false }
            guard digits(&s, 1, 2), s.take(colon), digits(&s, 2, 2), s.take(colon), digits(&s, 2, 2) else { return false }
            if s.take(UInt8(ascii: ".")) { s.takeAll(isDigit) }
            if s.atEnd { return true }
            s.takeAll(blank)
            if s.take(UInt8(ascii: "Z")) { return true }
            guard s.take({ $0 == UInt8(ascii: "+") || $0 == dash }), digits(&s, 1, 2) else { return false }
            if s.take(colon) { return digits(&s, 2, 2) }
            return true
        }
    }
}

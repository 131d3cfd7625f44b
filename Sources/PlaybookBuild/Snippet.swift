/// A search fragment's JSON, written as bytes: the strings quoted and escaped as
/// `JSONString.quote(_:escapingMarkup: true)` does, and a section's text as its start, cut at a
/// word boundary. Written in one pass over each text's bytes, without a String per piece: this
/// ran over every page's text and cost as much as splitting it into words (perf at 10k pages).
struct FragmentWriter {
    private(set) var bytes: [UInt8] = []
    private static let hex = Array("0123456789abcdef".utf8)

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `text` as a quoted JSON string.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() { append(byte, following: &utf8) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The start of `text`, at most `length` characters (Unicode scalars), as a quoted JSON
    /// string: runs of white space made single spaces, cut at the last space before the limit,
    /// with "…" when cut.
    mutating func start(of text: String, length: Int) {
        bytes.append(UInt8(ascii: "\""))
        let opening = bytes.count
        var utf8 = Array(text.utf8)[...]
        var pendingSpace = false
        var count = 0
        var lastSpace: Int?
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                pendingSpace = bytes.count > opening
                continue
            }
            let startsScalar = byte & 0xC0 != 0x80
            if startsScalar, count >= length {
                // A word that ends at the limit is kept whole.
                if !pendingSpace { bytes.removeSubrange((lastSpace ?? bytes.count)...) }
                bytes.append(contentsOf: "…".utf8)
                break
            }
            if pendingSpace {
                lastSpace = bytes.count
                bytes.append(UInt8(ascii: " "))
                count += 1
                pendingSpace = false
            }
            if startsScalar { count += 1 }
            append(byte, following: &utf8)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// One byte of a string, escaped; U+2028 and U+2029 take the two bytes after it too.
    private mutating func append(_ byte: UInt8, following rest: inout ArraySlice<UInt8>) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
        case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20: unicodeEscape(Int(byte))
        case 0xE2 where rest.count >= 2 && rest[rest.startIndex] == 0x80
            && (rest[rest.startIndex + 1] == 0xA8 || rest[rest.startIndex + 1] == 0xA9):
            unicodeEscape(rest[rest.startIndex + 1] == 0xA8 ? 0x2028 : 0x2029)
            rest.removeFirst(2)
        default: bytes.append(byte)
        }
    }

    private mutating func unicodeEscape(_ value: Int) {
        bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(Self.hex[(value >> shift) & 0xF]) }
    }
}

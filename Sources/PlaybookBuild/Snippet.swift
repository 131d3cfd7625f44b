internal import PlaybookModel

/// A search fragment's JSON, written as bytes: the strings quoted and escaped by
/// `JSONString.appendEscaped` (as `JSONString.quote(_:escapingMarkup: true)` does), and a section's text as its start, cut at a
/// word boundary. Written in one pass over each text's bytes, without a String per piece: this
/// ran over every page's text and cost as much as splitting it into words (perf at 10k pages).
struct FragmentWriter {
    private(set) var bytes: [UInt8] = []

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
        var text = text
        // Read in place, as far as the limit: copying each section's whole text to read its
        // first hundred characters, and a call per plain byte, were 13% of the fragments' cost.
        text.withUTF8 { start(of: $0, length: length) }
    }

    private mutating func start(of utf8: UnsafeBufferPointer<UInt8>, length: Int) {
        bytes.append(UInt8(ascii: "\""))
        let opening = bytes.count
        var pendingSpace = false
        var count = 0
        var lastSpace: Int?
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
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
            if JSONString.isPlain(byte, escapingMarkup: true) {
                bytes.append(byte)
            } else {
                // U+2028 and U+2029 take the two bytes after their first one.
                var rest = ArraySlice(utf8[index..<min(index + 2, utf8.count)])
                let available = rest.count
                append(byte, following: &rest)
                index += available - rest.count
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ byte: UInt8, following rest: inout ArraySlice<UInt8>) {
        JSONString.appendEscaped(byte, following: &rest, escapingMarkup: true, to: &bytes)
    }
}

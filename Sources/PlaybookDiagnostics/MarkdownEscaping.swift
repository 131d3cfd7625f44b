/// Text as Markdown reads it literally, for the Markdown the tool writes (the llms files, the lint
/// summary's tables): punctuation that could start markup backslash-escaped, line breaks
/// (`\n`, `\r`, `\r\n`) made single spaces. The one Markdown escaper every target uses.
///
/// By bytes: every character it changes is ASCII, and CommonMark reads a `*` followed by a
/// combining mark as a `*` (by Characters this was also a sixth of the llms files' time).
public func escapeMarkdown(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 8)
    var previous: UInt8 = 0
    for byte in text.utf8 {
        defer { previous = byte }
        if isMarkdownPunctuation(byte) {
            out.append(UInt8(ascii: "\\"))
            out.append(byte)
        } else if byte == UInt8(ascii: "\n") {
            if previous != UInt8(ascii: "\r") { out.append(UInt8(ascii: " ")) }  // \r\n: one space
        } else {
            out.append(byte == UInt8(ascii: "\r") ? UInt8(ascii: " ") : byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// The bytes `escapeMarkdown` puts a backslash before (a switch: a `Set` hashed every byte).
private func isMarkdownPunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
        UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "&"),
        UInt8(ascii: "|"), UInt8(ascii: "!"), UInt8(ascii: "~"):
        true
    default: false
    }
}

extension String {
    /// Every ASCII `target` replaced with `replacement`, Foundation-free. By bytes, so a `\r`
    /// inside a `\r\n` (one Character) or a `|` before a combining mark is replaced too, as the
    /// formats these replacements are for (URLs, GitHub's commands, Markdown tables) read them.
    public func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        precondition(target.isASCII, "replacingAll replaces ASCII characters only")
        let byte = UInt8(target.value)
        guard utf8.contains(byte) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 8)
        for each in utf8 {
            if each == byte { out.append(contentsOf: replacement.utf8) } else { out.append(each) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

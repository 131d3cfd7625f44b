public import PlaybookDiagnostics

/// Turns a file's bytes into text, refusing binary files and invalid UTF-8 with a clear
/// diagnostic instead of a crash or mojibake.
public enum SourceText {
    /// Decodes `bytes` as UTF-8 (a leading byte-order mark is dropped, CRLF becomes LF).
    ///
    /// - Returns: the text, or a diagnostic naming the first bad line.
    public static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(
                .error(
                    "file/binary", at: SourceLocation(file: file, line: line(of: nul, in: bytes)),
                    "this file holds binary data (a NUL byte), not text",
                    hint: "only Markdown text files can be pages; rename or move this file"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var line = 1
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
                case .emptyInput: break loop
                case .error: break loop
                }
            }
            return .failure(
                .error(
                    "file/encoding", at: SourceLocation(file: file, line: line),
                    "this file is not valid UTF-8 text",
                    hint: "save it as UTF-8 in your editor (it may be Latin-1 or UTF-16)"))
        }
        if bytes.contains(UInt8(ascii: "\r")), text.contains("\r\n") { return .success(text.replacingCRLF()) }
        return .success(text)
    }

    private static func line(of index: ArraySlice<UInt8>.Index, in bytes: ArraySlice<UInt8>) -> Int
    {
        1 + bytes[..<index].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if previousWasCR && scalar != "\n" { out.unicodeScalars.append("\r") }
            previousWasCR = scalar == "\r"
            if !previousWasCR { out.unicodeScalars.append(scalar) }
        }
        if previousWasCR { out.unicodeScalars.append("\r") }
        return out
    }
}

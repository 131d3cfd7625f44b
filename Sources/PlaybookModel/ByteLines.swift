/// A file's bytes cut into lines at `\n`, each line keeping its own ending (`\n`, `\r\n`, or
/// none for a last line without one), so that lines can be replaced without touching the others.
struct ByteLines {
    /// The bytes.
    let bytes: [UInt8]
    /// Where each line starts, and the end of the bytes last.
    private let starts: [Int]

    /// Cuts `bytes` into lines.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        if starts.last == bytes.count, bytes.count > 0 { starts.removeLast() }
        starts.append(bytes.count)
        self.starts = starts
    }

    /// How many lines there are (0 for no bytes).
    var count: Int { bytes.isEmpty ? 0 : starts.count - 1 }

    /// Line `number` (1-based) with its ending; empty past the last line.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= count else { return bytes[bytes.endIndex...] }
        return bytes[starts[number - 1]..<starts[number]]
    }

    /// The ending of line `number`: `\r\n`, `\n`, or nothing.
    func ending(of number: Int) -> [UInt8] {
        let line = line(number)
        guard line.last == UInt8(ascii: "\n") else { return [] }
        return line.dropLast().last == UInt8(ascii: "\r") ? [0x0D, 0x0A] : [0x0A]
    }

    /// The bytes with line `number` replaced by `replacement` (which carries its own ending);
    /// `number` one past the last line appends.
    func replacing(line number: Int, with replacement: [UInt8]) -> [UInt8] {
        let range = number <= count ? starts[number - 1]..<starts[number] : bytes.count..<bytes.count
        var result = bytes
        result.replaceSubrange(range, with: replacement)
        return result
    }

    /// True when a line after line `number` and before line `closing` carries on its value: an
    /// indented line that is neither blank nor a comment (a multi-line scalar or a block).
    func continues(after number: Int, before closing: Int) -> Bool {
        guard number + 1 < closing else { return false }
        let next = line(number + 1)
        guard let first = next.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") else {
            return next.first == UInt8(ascii: "-")
        }
        let content = next.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return !(content.isEmpty || content.first == UInt8(ascii: "#") || content.first == UInt8(ascii: "\r")
            || content.first == UInt8(ascii: "\n"))
    }
}

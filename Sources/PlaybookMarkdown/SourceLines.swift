#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The Markdown text as UTF-8 bytes split into lines the way cmark numbers them, so a node's
/// `start_line` finds its source line.
///
/// cmark reads the text up to its first NUL (the renderer passes a C string) and ends a line at
/// `\n`, `\r\n` or `\r`; so does this.
struct SourceLines {
    /// The text's bytes up to the first NUL.
    let bytes: [UInt8]
    /// Where each line starts in `bytes`; line `n` (1-based) is at index `n - 1`.
    private var starts: [Int] = []
    /// Where each line ends, line ending excluded.
    private var ends: [Int] = []

    init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    init(bytes: [UInt8]) {
        var bytes = bytes
        let nul = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { memchr($0, 0, buffer.count) }.map { buffer.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
        if let nul { bytes.removeSubrange(nul...) }
        self.bytes = bytes
        // Over the raw buffer: with the array's bounds checks this loop was a twentieth of
        // rendering a page.
        var starts: [Int] = []
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    starts.append(start)
                    ends.append(index)
                    if byte == UInt8(ascii: "\r"), index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\n") {
                        index += 1
                    }
                    start = index + 1
                }
                index += 1
            }
            if start < buffer.count {
                starts.append(start)
                ends.append(buffer.count)
            }
        }
        self.starts = starts
        self.ends = ends
    }

    /// The number of lines.
    var count: Int { starts.count }

    /// Line `number` (1-based) without its line ending; empty when there is no such line.
    /// Indices are offsets into `bytes`.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= starts.count else { return bytes[bytes.endIndex...] }
        return bytes[starts[number - 1]..<ends[number - 1]]
    }

    /// Offset in `bytes` where line `number` starts (the end of the text when there is no such line).
    func start(of number: Int) -> Int {
        guard number >= 1, number <= starts.count else { return bytes.count }
        return starts[number - 1]
    }
}

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
        if let nul = bytes.withUnsafeBufferPointer({ Self.offset(of: 0, in: $0, from: 0) }) {
            bytes.removeSubrange(nul...)
        }
        self.bytes = bytes
        // Line breaks found with `memchr`: a loop over every byte was a twentieth of rendering
        // a page. The next `\n` and `\r` are each searched for again only once passed.
        var starts: [Int] = []
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            var nextLF = Self.offset(of: UInt8(ascii: "\n"), in: buffer, from: 0)
            var nextCR = Self.offset(of: UInt8(ascii: "\r"), in: buffer, from: 0)
            while true {
                if let lf = nextLF, lf < start { nextLF = Self.offset(of: UInt8(ascii: "\n"), in: buffer, from: start) }
                if let cr = nextCR, cr < start { nextCR = Self.offset(of: UInt8(ascii: "\r"), in: buffer, from: start) }
                let end = min(nextLF ?? buffer.count, nextCR ?? buffer.count)
                if end == buffer.count { break }
                starts.append(start)
                ends.append(end)
                let crlf = buffer[end] == UInt8(ascii: "\r") && end + 1 < buffer.count && buffer[end + 1] == UInt8(ascii: "\n")
                start = end + (crlf ? 2 : 1)
            }
            if start < buffer.count {
                starts.append(start)
                ends.append(buffer.count)
            }
        }
        self.starts = starts
        self.ends = ends
    }

    /// Where `byte` first is in `buffer` at or after `from`.
    private static func offset(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = buffer.baseAddress, from < buffer.count, let hit = memchr(base + from, Int32(byte), buffer.count - from)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
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

internal import PlaybookModel

/// Appends values to a byte buffer in the build cache's format: integers as LEB128 varints,
/// strings as a length then UTF-8 bytes. Hand-written rather than Codable because the cache
/// holds every page of a large site and must load in a small fraction of a build.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func int(_ value: Int) {
        // Zig-zag, so small negative numbers stay short.
        var rest = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Appends bytes as they are (no length).
    mutating func raw(_ values: [UInt8]) { bytes.append(contentsOf: values) }
    mutating func raw(_ values: ArraySlice<UInt8>) { bytes.append(contentsOf: values) }
    mutating func raw(_ values: UnsafeRawBufferPointer) { bytes.append(contentsOf: values) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// Writes each value as a length-prefixed chunk, encoding the chunks on all cores, so
    /// `CacheReader.chunks` can decode them on all cores too.
    /// `kept` gives, for a value unchanged since it was read from a cache file, the bytes it
    /// was read from: they are written again as they are, not encoded anew.
    mutating func chunks<T: Sendable>(
        _ values: [T], kept: @escaping @Sendable (T) -> ArraySlice<UInt8>? = { _ in nil },
        _ write: @escaping @Sendable (inout CacheWriter, T) -> Void
    ) {
        let encoded = values.parallelMap { value -> ArraySlice<UInt8> in
            if let bytes = kept(value) { return bytes }
            var writer = CacheWriter(capacity: 4096)
            write(&writer, value)
            return writer.bytes[...]
        }
        int(encoded.count)
        for chunk in encoded {
            int(chunk.count)
            bytes.append(contentsOf: chunk)
            flushIfLarge()
        }
    }

    /// Where full buffers go when the writer streams into a file (see `CacheFile`).
    var file: CacheFile?

    /// Hands the buffer to `file` once it holds a megabyte, so a large cache is never held
    /// twice in memory.
    mutating func flushIfLarge() {
        guard let file, bytes.count >= 1 << 20 else { return }
        file.append(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Reads what `CacheWriter` wrote. Every read is bounds-checked: a truncated or corrupt cache
/// throws `CacheReader.Corrupt`, and the build then ignores the cache.
struct CacheReader {
    struct Corrupt: Error {}

    private let bytes: [UInt8]
    private(set) var position: Int
    private let end: Int

    /// Reads `bytes[position..<end]` (`end` defaults to the end of `bytes`).
    init(_ bytes: [UInt8], from position: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var isAtEnd: Bool { position == end }

    /// Skips `count` bytes, returning where they start.
    mutating func skip(_ count: Int) throws -> Int {
        guard count >= 0, count <= end - position else { throw Corrupt() }
        defer { position += count }
        return position
    }

    /// The next `count` bytes as they are.
    mutating func raw(_ count: Int) throws -> ArraySlice<UInt8> {
        let start = try skip(count)
        return bytes[start..<start + count]
    }

    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Corrupt() }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        // Undo the zig-zag with a logical shift (an arithmetic one breaks the largest values).
        return Int(Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1))
    }

    mutating func uint64() throws -> UInt64 {
        guard position + 8 <= end else { throw Corrupt() }
        var value: UInt64 = 0
        for offset in (0..<8).reversed() { value = value << 8 | UInt64(bytes[position + offset]) }
        position += 8
        return value
    }

    mutating func bool() throws -> Bool {
        guard position < end, bytes[position] < 2 else { throw Corrupt() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, position + count <= end else { throw Corrupt() }
        defer { position += count }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[position..<position + count]), as: UTF8.self)
        }
    }

    mutating func optional<T>(_ read: (inout CacheReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try int()
        // Every element takes at least one byte: a larger count is corruption, not a huge array.
        guard count >= 0, count <= end - position else { throw Corrupt() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws -> [String] { try array { try $0.string() } }

    /// Reads what `CacheWriter.chunks` wrote, decoding the chunks on all cores.
    mutating func chunks<T: Sendable>(_ read: @escaping @Sendable (inout CacheReader) throws -> T) throws -> [T] {
        try chunksWithBytes(read).map(\.value)
    }

    /// `chunks`, each value with the bytes it was read from (see `CacheWriter.chunks(_:kept:_:)`).
    mutating func chunksWithBytes<T: Sendable>(
        _ read: @escaping @Sendable (inout CacheReader) throws -> T
    ) throws -> [(value: T, bytes: ArraySlice<UInt8>)] {
        let ranges = try chunkRanges()
        let bytes = self.bytes
        let decoded = ranges.parallelMap { range -> T? in
            var reader = CacheReader(bytes, from: range.lowerBound, to: range.upperBound)
            guard let value = try? read(&reader), reader.isAtEnd else { return nil }
            return value
        }
        return try zip(decoded, ranges).map { value, range in
            guard let value else { throw Corrupt() }
            return (value, bytes[range])
        }
    }

    /// What `CacheWriter.chunks` wrote, as each chunk's bytes, not decoded.
    mutating func rawChunks() throws -> [ArraySlice<UInt8>] {
        try chunkRanges().map { bytes[$0] }
    }

    /// What `CacheWriter.chunks` wrote, as each chunk's bytes with the source path it starts with.
    mutating func pathChunks() throws -> [(path: String, bytes: ArraySlice<UInt8>)] {
        try chunkRanges().map { range in
            var reader = CacheReader(bytes, from: range.lowerBound, to: range.upperBound)
            return (try reader.string(), bytes[range])
        }
    }

    /// Where each chunk `CacheWriter.chunks` wrote is, skipped over.
    private mutating func chunkRanges() throws -> [Range<Int>] {
        let count = try int()
        guard count >= 0, count <= end - position else { throw Corrupt() }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for _ in 0..<count {
            let length = try int()
            let start = try skip(length)
            ranges.append(start..<start + length)
        }
        return ranges
    }
}

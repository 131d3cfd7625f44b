internal import PlaybookModel
internal import Foundation

/// The digest of what the running program does: for an ELF file, the bytes of its sections but
/// those that two builds of the same sources at the same place fill differently (measured with
/// two clean release builds, 2026-12-06: 1,290 bytes differed, all in `.swift_modhash`,
/// `.debug_info` and `.note.gnu.build-id`). So a CI runner that builds the tool afresh keeps
/// its build cache, and any change to the code or data still invalidates it. Any other file,
/// or one that does not parse as ELF, is hashed whole.
enum ProgramDigest {
    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { raw in
            var hash = StableHash()
            guard let sections = sections(in: raw) else {
                hash.add(raw)
                return hash.value
            }
            for section in sections where !isRebuildNoise(section.name) {
                hash.add(section.name)
                hash.add(section.range.count)
                hash.add(UnsafeRawBufferPointer(rebasing: raw[section.range]))
            }
            return hash.value
        }
    }

    /// Sections a rebuild of the same sources may fill differently without changing what runs.
    static func isRebuildNoise(_ name: String) -> Bool {
        name.hasPrefix(".debug") || name == ".swift_modhash" || name == ".note.gnu.build-id"
    }

    /// The named sections with file contents of a 64-bit little-endian ELF file, in file order;
    /// `nil` when the bytes are not one or a header points outside the file.
    static func sections(in raw: UnsafeRawBufferPointer) -> [(name: String, range: Range<Int>)]? {
        guard raw.count >= 64, raw[0] == 0x7F, raw[1] == 0x45, raw[2] == 0x4C, raw[3] == 0x46, raw[4] == 2, raw[5] == 1
        else { return nil }
        func integer<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T? {
            guard offset >= 0, offset + MemoryLayout<T>.size <= raw.count else { return nil }
            return T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        guard let tableOffset = integer(0x28, UInt64.self), let entrySize = integer(0x3A, UInt16.self),
            let count = integer(0x3C, UInt16.self), let namesIndex = integer(0x3E, UInt16.self), entrySize >= 64,
            tableOffset < UInt64(raw.count)  // also keeps the arithmetic below from overflowing
        else { return nil }
        var headers: [(name: UInt32, type: UInt32, range: Range<Int>)] = []
        for index in 0..<Int(count) {
            let at = Int(tableOffset) + index * Int(entrySize)
            guard let name = integer(at, UInt32.self), let type = integer(at + 4, UInt32.self),
                let offset = integer(at + 24, UInt64.self), let size = integer(at + 32, UInt64.self)
            else { return nil }
            let isNoBits = type == 8  // SHT_NOBITS: no bytes in the file (.bss)
            let start = Int(clamping: offset)
            let end = isNoBits ? start : start.addingReportingOverflow(Int(clamping: size)).partialValue
            guard start >= 0, end >= start, end <= raw.count else { return nil }
            headers.append((name, type, start..<end))
        }
        guard Int(namesIndex) < headers.count else { return nil }
        let names = headers[Int(namesIndex)].range
        return headers.map { header in
            let start = names.lowerBound + Int(header.name)
            var end = start
            while end < names.upperBound, raw[end] != 0 { end += 1 }
            let name = start < names.upperBound ? String(decoding: raw[start..<end], as: UTF8.self) : ""
            return (name, header.range)
        }
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// The build cache on disk (`.playbook-cache/` in the site folder unless told otherwise): what
/// the last successful build read and rendered, so the next one skips what did not change.
///
/// Files that each end in a checksum of what comes before it:
/// - `build.cache`, small: the build's key, the stat of every source file, the output folder's
///   stamp and the diagnostics. It alone decides that nothing changed.
/// - `pages-0.cache` … `pages-15.cache`, the pages by source path (see `shard(of:)`): every
///   Markdown file as read (page and problems), and every rendered page's facts without its
///   HTML, which stays in the output folder, with its search-index part.
/// - `pages.cache`: the pages' facts from git, with the commit they were read at, and the
///   search index's words (`SearchMemo`).
/// - `site.cache`: the site as that build assembled it, without the pages' bodies, with each
///   page's anchors (`SiteSnapshot`), for an edit of a few pages' bodies (`CachedEdit`).
///
/// A cache that is missing, corrupt, or made by another version of the program or other build
/// options is ignored; the build is then a full build and writes a new cache.
struct BuildCache {
    /// Bumped whenever the layout of any of its files changes.
    static let formatVersion = 18

    let folder: String

    /// What `build.cache` holds.
    struct Head {
        /// The build options (see `DiskCache.key`).
        var key: String
        /// The program that wrote the cache, with the digest of its bytes.
        var program = SourceEntry(path: "", stamp: FileStamp(size: 0, modifiedSeconds: 0, modifiedNanoseconds: 0, inode: 0), digest: 0)
        /// The output folder's stamp (`OutputFolder.stamp`) as that build left it.
        var outputStamp: String
        var manifest: SourceManifest
        var pageCount: Int
        var fileCount: Int
        var diagnostics: [Diagnostic]
        var style: URLStyle
        var pageOrder: [String]
        var staticFiles: [String]
        var assetOutputs: [String]
        /// The search index's files in the output folder, with their digests.
        var searchFiles: [String: UInt64] = [:]
        /// What the pages' git facts were read for (`GitProbe.key`): another commit is a change.
        var gitKey = ""
        /// Where each page's Markdown copy is in the output folder's `llms-full.txt`.
        var llmsCopies: LlmsCopies?
        /// The checksums of the pages files written with this head, comma-joined: `pages.cache`
        /// first, then each shard (`pagesIDs`).
        var pagesID = ""
        /// The checksum of the `site.cache` written with this head (`SiteSnapshot`), or empty.
        var siteID = ""

        /// `pagesID` split: `pages.cache`'s checksum, then each shard's; `nil` unless there is
        /// one for every file.
        var pagesIDs: [String]? {
            let ids = pagesID.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return ids.count == BuildCache.shardCount + 1 ? ids : nil
        }
    }

    /// What `pages.cache` holds.
    struct Pages {
        var entries: ContentLoader.PageCache
        var rendered: [String: RenderedPage]
        var searchParts: [String: SearchPart]
        /// The facts from git, when they were read from a whole history (`GitHistory.commit`).
        var git: GitHistory?
        /// The search index's words, for the next build to patch.
        var searchMemo: SearchMemo?
        /// The bytes each entry and each rendered page was read from, by source path; written
        /// again as they are for those listed in `unchanged`.
        var entryBytes: [String: ArraySlice<UInt8>] = [:]
        var renderedBytes: [String: ArraySlice<UInt8>] = [:]
        /// Source paths whose entry, and whose rendered page, are as they were read.
        var unchangedEntries: Set<String> = []
        var unchangedRendered: Set<String> = []
        /// The checksums of the shard files the records were read from, and the shards whose
        /// records are all as they were read (their files are kept).
        var shardIDs: [String] = []
        var unchangedShards: Set<Int> = []
    }

    var headPath: String { PathText.join(folder, "build.cache") }
    var pagesPath: String { PathText.join(folder, "pages.cache") }

    func readHead() -> Head? {
        guard var reader = Self.open(headPath) else { return nil }
        return try? reader.head()
    }

    /// The program that wrote the head, with its digest, or `nil`. `--clean` keeps it: the
    /// digest of the same file (path and stamp) need not be computed again.
    func readProgram() -> SourceEntry? {
        guard var reader = Self.open(headPath) else { return nil }
        _ = try? reader.string()  // the key
        return try? reader.sourceEntry()
    }

    /// Writes the pages files that changed and the site's snapshot (`nil`: the one `head.siteID`
    /// names is kept), then the head (each to a temporary name, then renamed into place). A
    /// cache that cannot be written only makes the next build slower, so failures are returned,
    /// not thrown.
    @discardableResult
    func write(head: Head, pages: Pages, site: SiteSnapshot? = nil) -> Bool {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil
        else { return false }
        removeLeftovers()
        // Pages first: a head is only trusted next to the pages written with it, and a head
        // that fails its checksum or is missing makes the next build a full one.
        try? FileManager.default.removeItem(atPath: headPath)
        // The head names the pages files by their checksums, so they are never read with the
        // pages of another build (two builds at once, say).
        guard let ids = writePages(pages) else { return false }
        var head = head
        head.pagesID = ids
        if let site {
            guard let id = Self.save(to: sitePath, { $0.siteSnapshot(site) }) else { return false }
            head.siteID = String(id, radix: 36)
        }
        return Self.save(to: headPath, { $0.head(head) }) != nil
    }

    /// Removes temporary files of writes that were killed before they could rename them.
    private func removeLeftovers() {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where entry.contains(".tmp-") {
            if TemporaryName.ownerIsRunning(entry) { continue }
            try? FileManager.default.removeItem(atPath: PathText.join(folder, entry))
        }
    }

    /// Removes the cache folder (`playbook build --clean` rewrites it afterwards).
    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static let magic = Array("PLAYBOOK-CACHE\n".utf8)

    private static func open(_ path: String) -> CacheReader? {
        openChecked(path)?.reader
    }

    /// The reader after the format version, and the file's checksum.
    static func openChecked(_ path: String) -> (reader: CacheReader, checksum: UInt64)? {
        guard let bytes = CacheFile.bytes(at: path) else { return nil }
        let bodyEnd = bytes.count - 8
        guard bodyEnd >= magic.count, bytes[..<magic.count].elementsEqual(magic) else { return nil }
        var stored = CacheReader(bytes, from: bodyEnd)
        let checksum = bytes.withUnsafeBytes { raw -> UInt64 in
            var hash = StableHash()
            hash.add(UnsafeRawBufferPointer(rebasing: raw[..<bodyEnd]))
            return hash.value
        }
        guard (try? stored.uint64()) == checksum else { return nil }
        var reader = CacheReader(bytes, from: magic.count, to: bodyEnd)
        guard (try? reader.int()) == formatVersion else { return nil }
        return (reader, checksum)
    }

    /// Streams a cache file: the magic line, the format version, what `body` writes, then the
    /// checksum of all of that.
    /// Returns the file's checksum, or `nil` when it could not be written.
    static func save(to path: String, _ body: (inout CacheWriter) -> Void) -> UInt64? {
        let temporary = path + ".tmp-\(getpid())"
        guard let file = CacheFile(path: temporary) else { return nil }
        var writer = CacheWriter(capacity: 1 << 20)
        writer.file = file
        writer.raw(magic)
        writer.int(formatVersion)
        body(&writer)
        file.append(writer.bytes)
        let value = file.checksum.value
        var checksum = CacheWriter()
        checksum.uint64(value)
        file.append(checksum.bytes, hashed: false)
        guard file.close() else {
            try? FileManager.default.removeItem(atPath: temporary)
            return nil
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            return nil
        }
        return value
    }
}

/// A cache file being written: each piece is added to the checksum and written out.
final class CacheFile {
    /// A whole file's bytes, read straight into an array (through `Data` they were copied once
    /// more, and a one-page rebuild of a 10,000-page site reads 79 MB); `nil` when it cannot be read.
    static func bytes(at path: String) -> [UInt8]? {
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return [] }
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if read > 0 {
                    count += read
                } else if read < 0, errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
        return bytes.count == size ? bytes : nil
    }

    private let descriptor: Int32
    private(set) var checksum = StableHash()
    private var failed = false

    init?(path: String) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return nil }
    }

    func append(_ bytes: [UInt8], hashed: Bool = true) {
        bytes.withUnsafeBytes { raw in
            if hashed { checksum.add(raw) }
            if !failed, !FileWriter.writeAll(raw, to: descriptor) { failed = true }
        }
    }

    /// Closes the file; false when any write failed.
    func close() -> Bool {
        Foundation.close(descriptor) == 0 && !failed
    }
}

extension CacheWriter {
    mutating func head(_ head: BuildCache.Head) {
        string(head.key)
        sourceEntry(head.program)
        string(head.pagesID)
        string(head.siteID)
        string(head.outputStamp)
        array(head.manifest.files) { $0.sourceEntry($1) }
        int(head.pageCount)
        int(head.fileCount)
        diagnostics(head.diagnostics)
        string(head.style.rawValue)
        strings(head.pageOrder)
        strings(head.staticFiles)
        strings(head.assetOutputs)
        array(head.searchFiles.sorted { $0.key < $1.key }) {
            $0.string($1.key)
            $0.int(Int(truncatingIfNeeded: $1.value))
        }
        string(head.gitKey)
        optional(head.llmsCopies) { writer, copies in
            writer.int(copies.size)
            writer.array(copies.ranges.sorted { $0.key < $1.key }) {
                $0.string($1.key)
                $0.int($1.value.lowerBound)
                $0.int($1.value.count)
            }
        }
    }
}

extension CacheReader {
    mutating func head() throws -> BuildCache.Head {
        let key = try string()
        let program = try sourceEntry()
        let pagesID = try string()
        let siteID = try string()
        let outputStamp = try string()
        let files = try array { try $0.sourceEntry() }
        let pageCount = try int()
        let fileCount = try int()
        let diagnostics = try diagnostics()
        guard let style = URLStyle(rawValue: try string()) else { throw Corrupt() }
        return BuildCache.Head(
            key: key, program: program, outputStamp: outputStamp, manifest: SourceManifest(files: files), pageCount: pageCount,
            fileCount: fileCount, diagnostics: diagnostics, style: style, pageOrder: try strings(),
            staticFiles: try strings(), assetOutputs: try strings(),
            searchFiles: Dictionary(try array { (try $0.string(), UInt64(truncatingIfNeeded: try $0.int())) }, uniquingKeysWith: { $1 }),
            gitKey: try string(), llmsCopies: try llmsCopies(), pagesID: pagesID, siteID: siteID)
    }

    private mutating func llmsCopies() throws -> LlmsCopies? {
        try optional { reader in
            let size = try reader.int()
            let ranges = try reader.array { reader -> (String, Range<Int>) in
                let source = try reader.string()
                let start = try reader.int()
                let count = try reader.int()
                guard start >= 0, count >= 0, start <= size - count else { throw Corrupt() }
                return (source, start..<start + count)
            }
            return LlmsCopies(size: size, ranges: Dictionary(ranges, uniquingKeysWith: { $1 }))
        }
    }
}

extension CacheWriter {
    mutating func sourceEntry(_ entry: SourceEntry) {
        string(entry.path)
        int(entry.stamp.size)
        int(entry.stamp.modifiedSeconds)
        int(entry.stamp.modifiedNanoseconds)
        int(entry.stamp.inode)
        uint64(entry.digest)
    }
}

extension CacheReader {
    mutating func sourceEntry() throws -> SourceEntry {
        let path = try string()
        let stamp = FileStamp(size: try int(), modifiedSeconds: try int(), modifiedNanoseconds: try int(), inode: try int())
        return SourceEntry(path: path, stamp: stamp, digest: try uint64())
    }
}

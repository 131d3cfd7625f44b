internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// One `pages-N.cache` file's records as the bytes they were read from, each with its source
/// path: an edit of a few pages decodes only theirs and writes the others back as they were.
struct ShardRecords {
    /// Each Markdown file as read (`CacheWriter.pageRecords`), sorted by path.
    var entries: [(path: String, bytes: ArraySlice<UInt8>)]
    /// Each rendered page's facts with its search share, sorted by path.
    var rendered: [(path: String, bytes: ArraySlice<UInt8>)]

    /// The file as read (page and problems) from `path`, decoded.
    func entry(_ path: String) -> (page: Page?, diagnostics: [Diagnostic])? {
        guard let bytes = entries.first(where: { $0.path == path })?.bytes else { return nil }
        var reader = CacheReader(Array(bytes), from: 0)
        guard let record = try? reader.entryRecord(), record.path == path, reader.isAtEnd else { return nil }
        return (record.page, record.diagnostics)
    }

    /// The rendered facts and search share of the page from `path`, decoded.
    func rendered(_ path: String) -> (page: RenderedPage, part: SearchPart?)? {
        guard let bytes = rendered.first(where: { $0.path == path })?.bytes else { return nil }
        var reader = CacheReader(Array(bytes), from: 0)
        guard let record = try? reader.renderedRecord(), record.path == path, reader.isAtEnd else { return nil }
        return (record.page, record.part)
    }

    /// The records with `path`'s file as read replaced by `entry`, and its rendered page by
    /// `rendered` with `part`: encoded as a full build encodes them.
    mutating func replace(
        _ path: String, entry: (page: Page?, diagnostics: [Diagnostic]), rendered page: RenderedPage, part: SearchPart?
    ) {
        var writer = CacheWriter(capacity: 4096)
        writer.entryRecord(path, page: entry.page, diagnostics: entry.diagnostics)
        if let at = entries.firstIndex(where: { $0.path == path }) { entries[at].bytes = writer.bytes[...] }
        writer = CacheWriter(capacity: 4096)
        writer.renderedRecord(path, page: page, part: part)
        if let at = rendered.firstIndex(where: { $0.path == path }) { rendered[at].bytes = writer.bytes[...] }
    }
}

extension BuildCache {
    /// The records of shard `shard`, when its file is the one `id` names.
    func readShard(_ shard: Int, id: String) -> ShardRecords? {
        guard let (opened, checksum) = Self.openChecked(shardPath(shard)), String(checksum, radix: 36) == id else { return nil }
        var reader = opened
        guard let entries = try? reader.pathChunks(), let rendered = try? reader.pathChunks(), reader.isAtEnd else { return nil }
        return ShardRecords(entries: entries, rendered: rendered)
    }

    /// What an edit changes in the cache: the shards it rewrote and `pages.cache` (the git facts
    /// and the search memo), then the head naming them. The snapshot of the site stays
    /// (`head.siteID`).
    @discardableResult
    func writeEdit(head: Head, git: GitHistory, memo: SearchMemo, shards: [Int: ShardRecords]) -> Bool {
        var rest = Pages(entries: ContentLoader.PageCache(), rendered: [:], searchParts: [:])
        rest.git = git.commit == nil ? nil : git  // as `DiskCache.pages(of:)` keeps them
        rest.searchMemo = memo
        guard var ids = head.pagesIDs else { return false }
        try? FileManager.default.removeItem(atPath: headPath)
        for (shard, records) in shards {
            let written = Self.save(to: shardPath(shard)) { writer in
                writer.chunks(records.entries.map(\.bytes), kept: { $0 }) { _, _ in }
                writer.chunks(records.rendered.map(\.bytes), kept: { $0 }) { _, _ in }
            }
            guard let written else { return false }
            ids[shard + 1] = String(written, radix: 36)
        }
        guard let restID = Self.save(to: pagesPath, { $0.pagesRest(rest) }) else { return false }
        ids[0] = String(restID, radix: 36)
        var head = head
        head.pagesID = ids.joined(separator: ",")
        return Self.save(to: headPath, { $0.head(head) }) != nil
    }

    /// `pages.cache` (the git facts and the search memo) when it is the one `head` names.
    func readRest(for head: Head) -> Pages? {
        guard let id = head.pagesIDs?.first,
            let (opened, checksum) = Self.openChecked(pagesPath), String(checksum, radix: 36) == id
        else { return nil }
        var reader = opened
        return try? reader.pagesRest(style: head.style)
    }
}

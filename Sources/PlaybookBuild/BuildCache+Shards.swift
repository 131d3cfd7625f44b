internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

// The pages' records spread over `shardCount` files by their source path (`pages-N.cache`),
// beside `pages.cache` with the git facts and the search memo. An edit rewrites the files of
// the records it changed and leaves the others as they are: writing every record again was
// the largest part of a one-page rebuild of a 10,000-page site (79 MB, about 0.15 s).
// `Head.pagesID` names every file by its checksum: `pages.cache` first, then each shard.

extension BuildCache {
    /// How many files hold the pages' records.
    static let shardCount = 16

    func shardPath(_ shard: Int) -> String { PathText.join(folder, "pages-\(shard).cache") }

    /// The file a page's records are in, by a hash of its source path that is the same on every
    /// machine (`StableHash.of` a copy of the bytes cost 70 ms for the 40,000 look-ups of a
    /// one-page rebuild at 10,000 pages).
    static func shard(of path: String) -> Int {
        Int(StableHash.fnv1a(path) % UInt64(shardCount))
    }

    /// The pages written with `head`, or `nil` (another build's, say, when two ran at once).
    /// The files are read and checked on all cores.
    func readPages(for head: Head) -> Pages? {
        guard let ids = head.pagesIDs else { return nil }
        let paths = [pagesPath] + (0..<Self.shardCount).map(shardPath)
        let readers = Array(zip(paths, ids)).parallelMap { path, id -> CacheReader? in
            guard let (reader, checksum) = Self.openChecked(path), String(checksum, radix: 36) == id else { return nil }
            return reader
        }
        guard var rest = readers[0], var pages = try? rest.pagesRest(style: head.style) else { return nil }
        for reader in readers.dropFirst() {
            guard var reader, (try? reader.pageRecords(into: &pages)) != nil else { return nil }
        }
        pages.shardIDs = Array(ids.dropFirst())
        return pages
    }

    /// Writes the shards that changed since `pages` were read (all of them when they were not)
    /// and `pages.cache`; returns the files' checksums as `Head.pagesID` names them, or `nil`.
    func writePages(_ pages: Pages) -> String? {
        let written = Array(0..<Self.shardCount).parallelMap { shard -> String? in
            if pages.unchangedShards.contains(shard), shard < pages.shardIDs.count,
                FileManager.default.fileExists(atPath: shardPath(shard))
            {
                return pages.shardIDs[shard]
            }
            return Self.save(to: shardPath(shard), { $0.pageRecords(pages, shard: shard) }).map { String($0, radix: 36) }
        }
        guard let rest = Self.save(to: pagesPath, { $0.pagesRest(pages) }) else { return nil }
        let ids = written.compactMap { $0 }
        guard ids.count == Self.shardCount else { return nil }
        return ([String(rest, radix: 36)] + ids).joined(separator: ",")
    }

    /// The shards whose records are all as they were read, and no more and no fewer of them.
    static func unchangedShards(of pages: Pages, carried: Pages) -> Set<Int> {
        var before = [Int](repeating: 0, count: shardCount)
        var now = before
        var changed = Set<Int>()
        for path in carried.entries.entries.keys { before[shard(of: path)] += 1 }
        for path in carried.rendered.keys { before[shard(of: path)] += 1 }
        for path in pages.entries.entries.keys {
            let shard = shard(of: path)
            now[shard] += 1
            if !pages.unchangedEntries.contains(path) { changed.insert(shard) }
        }
        for path in pages.rendered.keys {
            let shard = shard(of: path)
            now[shard] += 1
            if !pages.unchangedRendered.contains(path) { changed.insert(shard) }
        }
        return Set((0..<shardCount).filter { !changed.contains($0) && before[$0] == now[$0] })
    }
}

extension CacheWriter {
    /// The records of the pages whose source paths fall in `shard`: each file as read, then
    /// each rendered page's facts with its search share.
    mutating func pageRecords(_ pages: BuildCache.Pages, shard: Int) {
        // The keys are sorted, not the entries: moving pages and their facts about in a sort
        // cost more than the look-ups (a tenth of writing the cache at 10,000 pages).
        let entries = pages.entries.entries
        let keptEntries = pages.entryBytes.filter { pages.unchangedEntries.contains($0.key) }
        let entryPaths = entries.keys.filter { BuildCache.shard(of: $0) == shard }.sorted()
        chunks(entryPaths, kept: { keptEntries[$0] }) { writer, path in
            writer.entryRecord(path, page: entries[path]?.page, diagnostics: entries[path]?.diagnostics ?? [])
        }
        let (rendered, searchParts) = (pages.rendered, pages.searchParts)
        let keptRendered = pages.renderedBytes.filter { pages.unchangedRendered.contains($0.key) }
        let renderedPaths = rendered.keys.filter { BuildCache.shard(of: $0) == shard }.sorted()
        chunks(renderedPaths, kept: { keptRendered[$0] }) { writer, path in
            if let page = rendered[path] { writer.renderedRecord(path, page: page, part: searchParts[path]) }
        }
    }

    /// One file as read: its source path, page and problems.
    mutating func entryRecord(_ path: String, page: Page?, diagnostics: [Diagnostic]) {
        string(path)
        optional(page) { $0.page($1) }
        self.diagnostics(diagnostics)
    }

    /// One rendered page: its source path, facts and search share.
    mutating func renderedRecord(_ path: String, page: RenderedPage, part: SearchPart?) {
        string(path)
        renderedFacts(page)
        optional(part) { $0.searchPart($1) }
    }

    /// What `pages.cache` holds: the git facts and the search memo.
    mutating func pagesRest(_ pages: BuildCache.Pages) {
        optional(pages.git) { writer, git in
            writer.string(git.key)
            writer.array(git.facts.sorted { $0.key < $1.key }) {
                $0.string($1.key)
                $0.int($1.value.date.dayNumber)
                $0.string($1.value.author)
                $0.string($1.value.commit)
            }
        }
        optional(pages.searchMemo) { $0.searchMemo($1) }
    }
}

extension CacheReader {
    /// A shard's records, added to `pages` with the bytes each was read from.
    mutating func pageRecords(into pages: inout BuildCache.Pages) throws {
        let read = try chunksWithBytes { try $0.entryRecord() }
        for ((path, page, diagnostics), bytes) in read {
            pages.entries.entries[path] = (page, diagnostics)
            pages.entryBytes[path] = bytes
        }
        let facts = try chunksWithBytes { try $0.renderedRecord() }
        for ((path, page, part), bytes) in facts {
            pages.rendered[path] = page
            pages.searchParts[path] = part
            pages.renderedBytes[path] = bytes
        }
    }

    /// What `CacheWriter.entryRecord` wrote.
    mutating func entryRecord() throws -> (path: String, page: Page?, diagnostics: [Diagnostic]) {
        (try string(), try optional { try $0.page() }, try diagnostics())
    }

    /// What `CacheWriter.renderedRecord` wrote.
    mutating func renderedRecord() throws -> (path: String, page: RenderedPage, part: SearchPart?) {
        (try string(), try renderedFacts(), try optional { try $0.searchPart() })
    }

    /// What `pagesRest` wrote, as pages with no records yet.
    mutating func pagesRest(style: URLStyle) throws -> BuildCache.Pages {
        var entries = ContentLoader.PageCache()
        entries.style = style
        var pages = BuildCache.Pages(entries: entries, rendered: [:], searchParts: [:])
        pages.git = try optional { reader in
            let key = try reader.string()
            let facts = try reader.array {
                (try $0.string(), GitFact(date: PlanDate(dayNumber: try $0.int()), author: try $0.string(), commit: try $0.string()))
            }
            return GitHistory(key: key, facts: Dictionary(facts, uniquingKeysWith: { $1 }), note: nil)
        }
        pages.searchMemo = try optional { try $0.searchMemo() }
        return pages
    }
}

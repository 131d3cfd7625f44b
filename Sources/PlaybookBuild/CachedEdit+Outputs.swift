internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

extension CachedEdit {
    /// What an edit changes in the output folder, and what the cache's head says of it after.
    struct Outputs {
        var updates: [OutputFolder.Update] = []
        var removed: [String] = []
        var searchFiles: [String: UInt64]
        var llmsCopies: LlmsCopies?
        var memo: SearchMemo?
        /// How many more files the site has (the search index can gain or lose a shard).
        var fileCountChange = 0
    }

    /// The edited pages' HTML and Markdown copies, `llms-full.txt` with their copies swapped
    /// in, and the search index's files that changed; `nil` when the cache cannot say where
    /// the old copies are or the memo does not fit.
    func outputs(start: Start, made: Made, renderer: SiteRenderer) -> Outputs? {
        var outputs = Outputs(searchFiles: start.head.searchFiles, llmsCopies: start.head.llmsCopies, memo: start.memo)
        for (page, _) in made {
            outputs.updates.append(OutputFolder.Update(path: page.outputPath, bytes: Array(page.html.utf8)))
        }
        guard search(start: start, made: made, into: &outputs), llms(start: start, made: made, renderer: renderer, into: &outputs)
        else { return nil }
        return outputs
    }

    /// The search index patched with the edited pages' new shares: the shards and manifest
    /// whose text changed, the shards no longer there, each edited page's fragment.
    private func search(start: Start, made: Made, into outputs: inout Outputs) -> Bool {
        let memo = start.memo
        var changes: [SearchMemo.Change] = []
        var fragments: [SearchIndex.File] = []
        for (number, index) in start.indices.enumerated() {
            let source = start.site.pages[index].sourcePath
            guard let new = made[number].part, let old = start.shards[BuildCache.shard(of: source)]?.rendered(source)?.part
            else { return false }
            if old != new { changes.append(SearchMemo.Change(page: Int32(index), old: old, new: new)) }
            fragments.append(SearchIndex.File(
                path: SearchIndex.fragmentPath(generation: memo.generation, number: index), text: new.fragment))
        }
        var files = fragments
        if !changes.isEmpty {
            guard let patched = SearchIndex.patched(
                memo: memo, changes: changes, pageCount: start.site.pages.count, language: start.site.config.language,
                stemming: options.stemming)
            else { return false }
            outputs.memo = patched.memo
            files += patched.files
            let shards = Set(patched.memo.shards.map { SearchIndex.shardPath($0.name) })
            for path in start.head.searchFiles.keys where path.hasPrefix(SearchIndex.folder + "/t/") && !shards.contains(path) {
                outputs.removed.append(path)
                outputs.searchFiles[path] = nil
            }
        }
        let digests = files.parallelMap { StableHash.of(Array($0.text.utf8)) }
        for (file, digest) in zip(files, digests) where outputs.searchFiles[file.path] != digest {
            if outputs.searchFiles[file.path] == nil { outputs.fileCountChange += 1 }
            outputs.searchFiles[file.path] = digest
            outputs.updates.append(OutputFolder.Update(path: file.path, bytes: Array(file.text.utf8)))
        }
        outputs.fileCountChange -= outputs.removed.count
        return true
    }

    /// The edited pages' Markdown copies, and `llms-full.txt` with them in place of the old.
    private func llms(start: Start, made: Made, renderer: SiteRenderer, into outputs: inout Outputs) -> Bool {
        let site = start.site
        guard site.config.llms else { return true }
        var copies: [(source: String, text: String)] = []
        for (number, index) in start.indices.enumerated() where site.pages[index].hasMarkdownCopy {
            let page = site.pages[index]
            let copy = made[number].page.markdownCopy ?? LlmsFiles.copy(of: index, in: site, links: renderer.links)
            outputs.updates.append(OutputFolder.Update(path: page.markdownOutputPath, bytes: Array(copy.utf8)))
            copies.append((page.sourcePath, copy))
        }
        let own = Set(site.staticFiles.map { PageLocation.staticOutputPath($0, style: site.config.urlStyle) })
        guard !copies.isEmpty, !own.contains(LlmsFiles.fullPath) else { return true }
        guard let old = start.head.llmsCopies,
            let bytes = CacheFile.bytes(at: PathText.join(output, LlmsFiles.fullPath)), bytes.count == old.size,
            let spliced = Self.splice(copies, into: bytes, at: old)
        else { return false }
        outputs.updates.append(OutputFolder.Update(path: LlmsFiles.fullPath, bytes: spliced.bytes))
        outputs.llmsCopies = spliced.copies
        return true
    }

    /// `llms-full.txt`'s bytes with each of `copies` in the place of the page's old copy, and
    /// where every copy is after.
    static func splice(_ copies: [(source: String, text: String)], into bytes: [UInt8], at old: LlmsCopies)
        -> (bytes: [UInt8], copies: LlmsCopies)?
    {
        var replaced: [(range: Range<Int>, text: [UInt8])] = []
        for copy in copies {
            guard let range = old.ranges[copy.source] else { return nil }
            replaced.append((range, Array(copy.text.utf8)))
        }
        replaced.sort { $0.range.lowerBound < $1.range.lowerBound }
        var spliced: [UInt8] = []
        spliced.reserveCapacity(bytes.count + replaced.reduce(0) { $0 + $1.text.count - $1.range.count })
        var position = 0
        for (range, text) in replaced {
            spliced += bytes[position..<range.lowerBound]
            spliced += text
            position = range.upperBound
        }
        spliced += bytes[position...]
        var ranges = old.ranges
        for (source, range) in old.ranges {
            var start = range.lowerBound
            var end = range.upperBound
            for (changed, text) in replaced where changed.lowerBound <= range.lowerBound {
                let shift = text.count - changed.count
                if changed.lowerBound < range.lowerBound { start += shift }
                end += shift
            }
            ranges[source] = start..<end
        }
        return (spliced, LlmsCopies(size: spliced.count, ranges: ranges))
    }
}

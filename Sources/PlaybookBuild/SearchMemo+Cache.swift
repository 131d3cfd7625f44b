internal import PlaybookModel

// The search memo in the build cache: its words and its stems in slices, each slice a chunk
// that is encoded and decoded on its own core (a 10,000-page site has about 100,000 words).

extension CacheWriter {
    /// How many slices the memo's words and stems are cut into.
    static let memoSlices = 16

    mutating func searchMemo(_ memo: SearchMemo) {
        string(memo.generation)
        uint64(memo.sources)
        string(memo.language)
        bool(memo.stemmed)
        chunks(Self.slices(of: memo.words)) { writer, words in
            writer.int(words.count)
            for word in words { writer.memoWord(word) }
        }
        let stems = Array(zip(memo.stems, memo.encoded))
        chunks(Self.slices(of: stems)) { writer, stems in
            writer.int(stems.count)
            for (stem, encoded) in stems {
                writer.string(stem)
                writer.string(encoded)
            }
        }
        array(memo.shards) { writer, shard in
            writer.string(shard.start)
            writer.string(shard.first)
            writer.string(shard.last)
            writer.int(shard.count)
            writer.string(shard.name)
        }
    }

    /// `values` cut into `count` slices (fewer when there are fewer values), in order.
    static func slices<T>(of values: [T], count: Int = memoSlices) -> [ArraySlice<T>] {
        let size = max(1, (values.count + count - 1) / count)
        return stride(from: 0, to: values.count, by: size).map { values[$0..<min($0 + size, values.count)] }
    }

    /// A word, its stem, then its pages as 32-bit little-endian numbers and their fields, which
    /// read back with one copy each (as varints, they were a third of reading the memo).
    private mutating func memoWord(_ word: SearchMemo.Word) {
        string(word.word)
        string(word.stem)
        int(Int(word.stemNumber))
        int(word.pages.count)
        #if _endian(little)
            word.pages.withUnsafeBytes { raw($0) }
        #else
            word.pages.map(\.littleEndian).withUnsafeBytes { raw($0) }
        #endif
        raw(word.fields)
    }
}

extension CacheReader {
    mutating func searchMemo() throws -> SearchMemo {
        let generation = try string()
        let sources = try uint64()
        let language = try string()
        let stemmed = try bool()
        let words = try chunks { reader in
            try reader.array { try $0.memoWord() }
        }.flatMap { $0 }
        let stems = try chunks { reader in
            try reader.array { (try $0.string(), try $0.string()) }
        }.flatMap { $0 }
        var memo = SearchMemo(
            generation: generation, sources: sources, language: language, stemmed: stemmed, words: words,
            stems: stems.map(\.0), encoded: stems.map(\.1))
        memo.shards = try array { reader in
            SearchMemo.Shard(
                start: try reader.string(), first: try reader.string(), last: try reader.string(), count: try reader.int(),
                name: try reader.string())
        }
        // The words must be in order for the binary search that patches them.
        guard zip(words, words.dropFirst()).allSatisfy({ $0.word.utf8.lexicographicallyPrecedes($1.word.utf8) })
        else { throw Corrupt() }
        return memo
    }

    private mutating func memoWord() throws -> SearchMemo.Word {
        let word = try string()
        let stem = try string()
        let stemNumber = try int()
        guard stemNumber >= -1, stemNumber <= Int(Int32.max) else { throw Corrupt() }
        let count = try int()
        guard count >= 0, count <= Int(Int32.max) / 4 else { throw Corrupt() }
        let numbers = try raw(count * 4)
        var pages = [Int32](repeating: 0, count: count)
        pages.withUnsafeMutableBytes { target in numbers.withUnsafeBytes { target.copyMemory(from: $0) } }
        var last: Int32 = -1
        for index in pages.indices {
            pages[index] = Int32(littleEndian: pages[index])
            // Ascending, for the binary search that patches them.
            guard pages[index] > last else { throw Corrupt() }
            last = pages[index]
        }
        let fields = Array(try raw(count))
        return SearchMemo.Word(word: word, stem: stem, pages: pages, fields: fields, stemNumber: Int32(stemNumber))
    }
}

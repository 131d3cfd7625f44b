internal import PlaybookModel

/// Every word of the site with the pages that have it, each word's stem, and each stem's pages
/// encoded for a shard: the index's one pass over all the pages' words, or a patch of the last
/// build's (`SearchMemo`) when a few pages changed.
struct Vocabulary {
    /// The distinct words, sorted by their UTF-8 bytes.
    let words: [String]
    /// For each word, the number of its stem.
    let stemOfWord: [Int]
    /// For each stem, its JSON array `["B","T","H","F"]` (see `SearchIndex`).
    let encodedStems: [String]
    /// True when the words were stemmed (Snowball has a stemmer for the language).
    let stemmed: Bool
    /// What the next build patches.
    let memo: SearchMemo
    /// For each stem, whether its pages were encoded anew rather than taken from the memo a
    /// patch started from (`nil`: every stem was encoded).
    let reencoded: [Bool]?

    private typealias Postings = SearchMemo.Word

    /// Gathers the words of every page.
    init(parts: [SearchPart], generation: String, language: String, stemming: (any Stemming)?) {
        let gathered = Array(0..<SearchIndex.bucketCount).parallelMap { bucket in Self.gather(bucket: bucket, parts: parts) }
        var postings = gathered.flatMap { $0 }.sorted { $0.word.utf8.lexicographicallyPrecedes($1.word.utf8) }
        let stems = Self.stems(of: postings.map(\.word), language: language, stemming: stemming)
        for index in postings.indices { postings[index].stem = stems?[index] ?? postings[index].word }
        self.init(
            postings: postings, pageCount: parts.count, reusing: nil,
            memo: SearchMemo(generation: generation, language: language, stemmed: stems != nil, words: [], stems: [], encoded: []))
    }

    /// Patches the words of `memo` with `changes`; `nil` when the memo is for other pages,
    /// another language or other stemming.
    init?(
        patching memo: SearchMemo, changes: [SearchMemo.Change], pageCount: Int, generation: String, language: String,
        stemming: (any Stemming)?
    ) {
        let stemmed = stemming?.stems(of: [], language: language) != nil
        guard memo.fits(generation: generation, language: language, stemmed: stemmed) else { return nil }
        var (postings, dirty) = memo.patched(with: changes)
        let unstemmed = postings.indices.filter { postings[$0].stem.isEmpty }
        let stems = Self.stems(of: unstemmed.map { postings[$0].word }, language: language, stemming: stemming)
        for (position, index) in unstemmed.enumerated() {
            postings[index].stem = stems?[position] ?? postings[index].word
            dirty.insert(postings[index].stem)
        }
        self.init(postings: postings, pageCount: pageCount, reusing: dirty, memo: memo)
    }

    /// Numbers the stems of `postings` (sorted by word) and encodes each stem's pages, taking
    /// the encoding from `memo` for a stem that is not in `reusing`, the dirty stems (`nil`:
    /// encode every stem).
    private init(postings: [Postings], pageCount: Int, reusing dirty: Set<String>?, memo: SearchMemo) {
        words = postings.map(\.word)
        stemmed = memo.stemmed
        var stemNumbers: [String: Int] = [:]
        var wordsOfStem: [[Int]] = []
        stemOfWord = postings.enumerated().map { word, posting in
            if let number = stemNumbers[posting.stem] {
                wordsOfStem[number].append(word)
                return number
            }
            stemNumbers[posting.stem] = wordsOfStem.count
            wordsOfStem.append([word])
            return wordsOfStem.count - 1
        }
        let members = wordsOfStem
        let stems = members.map { postings[$0[0]].stem }
        let reused = dirty.map { dirty in
            var isDirty = [Bool](repeating: false, count: stems.count)
            for stem in dirty { if let number = stemNumbers[stem] { isDirty[number] = true } }
            return Self.reusable(members: members, stems: stems, postings: postings, isDirty: isDirty, in: memo)
        }
        reencoded = reused.map { $0.map { $0 == nil } }
        encodedStems = Array(members.indices).parallelMap { number in
            if let old = reused?[number] { return memo.encoded[old] }
            return Self.encode(members[number].map { postings[$0] }, pageCount: pageCount)
        }
        var memo = memo
        (memo.words, memo.stems, memo.encoded) = (postings, stems, encodedStems)
        for index in memo.words.indices { memo.words[index].stemNumber = Int32(stemOfWord[index]) }
        self.memo = memo
    }

    /// For each stem, the number of the same stem in `memo` when its words and their pages are
    /// as they were there (it is not dirty), so its encoding can be taken as it is.
    private static func reusable(
        members: [[Int]], stems: [String], postings: [Postings], isDirty: [Bool], in memo: SearchMemo
    ) -> [Int?] {
        members.indices.map { number in
            let old = Int(postings[members[number][0]].stemNumber)
            guard !isDirty[number], old >= 0, old < memo.stems.count, memo.stems[old] == stems[number] else { return nil }
            return old
        }
    }

    /// The words of one bucket with their pages.
    private static func gather(bucket: Int, parts: [SearchPart]) -> [Postings] {
        var table = WordTable(capacity: 4096)
        var postings: [Postings] = []
        for (page, part) in parts.enumerated() {
            let part = part.terms
            let range = Int(part.bucketStarts[bucket])..<Int(part.bucketStarts[bucket + 1])
            for index in range {
                let word = part.words[index]
                let number = table.number(of: word, among: postings) ?? {
                    table.insert(word, number: postings.count)
                    postings.append(Postings(word: word, stem: "", pages: [], fields: []))
                    return postings.count - 1
                }()
                postings[number].pages.append(Int32(page))
                postings[number].fields.append(part.fields[index])
            }
        }
        return postings
    }

    /// The numbers of a bucket's words, by `StableHash.fnv1a` of their bytes: a site's every word
    /// of every page is looked up here, and a `[String: Int]` (SipHash) was two thirds of the
    /// gathering (callgrind, 10,000 pages).
    private struct WordTable {
        /// Each slot: 0 when empty, else a word's number + 1.
        private var slots: [Int32]
        private var hashes: [UInt64]
        private var count = 0

        init(capacity: Int) {
            slots = Array(repeating: 0, count: capacity)
            hashes = Array(repeating: 0, count: capacity)
        }

        /// The number of `word`, or `nil` when it has none yet.
        func number(of word: String, among postings: [Postings]) -> Int? {
            let hash = StableHash.fnv1a(word)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let number = Int(slots[slot]) - 1
                if hashes[slot] == hash, postings[number].word == word { return number }
                slot = (slot + 1) & mask
            }
            return nil
        }

        /// Gives `word` (not in the table) its `number`.
        mutating func insert(_ word: String, number: Int) {
            if (count + 1) * 2 > slots.count { grow() }
            place(hash: StableHash.fnv1a(word), value: Int32(number + 1))
            count += 1
        }

        private mutating func place(hash: UInt64, value: Int32) {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
            hashes[slot] = hash
        }

        private mutating func grow() {
            let old = zip(slots, hashes).filter { $0.0 != 0 }
            slots = Array(repeating: 0, count: slots.count * 2)
            hashes = Array(repeating: 0, count: hashes.count * 2)
            for (value, hash) in old { place(hash: hash, value: value) }
        }
    }

    /// Each word's stem, in chunks on all cores; `nil` without a stemmer for the language.
    private static func stems(of words: [String], language: String, stemming: (any Stemming)?) -> [String]? {
        guard let stemming, stemming.stems(of: [], language: language) != nil else { return nil }
        let chunkSize = max(1, (words.count + 7) / 8)
        let chunks = stride(from: 0, to: words.count, by: chunkSize).map { Array(words[$0..<min($0 + chunkSize, words.count)]) }
        return chunks.parallelMap { chunk in stemming.stems(of: chunk, language: language) ?? chunk }.flatMap { $0 }
    }

    /// The pages of a stem's words, merged, as `["B","T","H","F"]`.
    private static func encode(_ members: [Postings], pageCount: Int) -> String {
        var sets = FieldSets(capacity: members.count == 1 ? members[0].pages.count : 0)
        if members.count == 1 {
            // The word's own lists, read in place (a zipped copy of them, converted element by
            // element to a labelled tuple array, was a tenth of the index's time at 10,000 pages).
            let only = members[0]
            for index in only.pages.indices { sets.add(only.pages[index], only.fields[index]) }
        } else {
            var byPage: [Int32: UInt8] = [:]
            for member in members {
                for index in member.pages.indices { byPage[member.pages[index], default: 0] |= member.fields[index] }
            }
            for (page, field) in byPage.sorted(by: { $0.key < $1.key }) { sets.add(page, field) }
        }
        return "[" + sets.all.map { "\"" + PageSet.encode($0, pageCount: pageCount) + "\"" }.joined(separator: ",") + "]"
    }

    /// A stem's pages sorted in one pass into the four sets: all, in a title, in a heading,
    /// frequent.
    private struct FieldSets {
        var all: [[Int32]] = [[], [], [], []]

        init(capacity: Int) { all[0].reserveCapacity(capacity) }

        mutating func add(_ page: Int32, _ field: UInt8) {
            typealias Field = SearchPart.Field
            all[0].append(page)
            if field & Field.title != 0 { all[1].append(page) }
            if field & Field.heading != 0 { all[2].append(page) }
            if field & Field.frequent != 0 { all[3].append(page) }
        }
    }
}

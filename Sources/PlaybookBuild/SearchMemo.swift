internal import PlaybookModel

/// The search index's words with their pages and stems, and each stem's encoded pages, as the
/// last build made them: an edit of a few pages patches these instead of gathering every word
/// of every page, stemming them all and encoding every stem again (at 10,000 pages that was
/// 85% of the index stage's instructions, and the index stage a quarter of a one-page rebuild).
///
/// Valid only for the same pages in the same order (`generation`), the same language and the
/// same stemming; the index made from a patched memo is byte for byte the one a full gathering
/// makes (`SearchMemoTests`).
struct SearchMemo: Sendable, Equatable {
    /// One word of the site with what the index needs of it.
    struct Word: Sendable, Equatable {
        var word: String
        /// Its stem, or the word itself when the language has no stemmer.
        var stem: String
        /// The pages that have it, ascending, each with its `SearchPart.Field` bits.
        var pages: [Int32]
        var fields: [UInt8]
        /// The number of its stem in the memo (`stems`), -1 for a word new since: what lets a
        /// patch take a stem's encoding from the memo without looking the stem up by name.
        var stemNumber: Int32 = -1
    }

    /// `SearchIndex.generation` of the pages it was made for.
    var generation: String
    /// A digest of those pages' source paths, in order (`IndexStage` sets and checks it): the
    /// memo numbers pages by their place, and a page is matched with its last share by path.
    var sources: UInt64 = 0
    var language: String
    var stemmed: Bool
    /// Every word, sorted by its UTF-8 bytes.
    var words: [Word]
    /// The stems, numbered in order of their first word, and each one's encoded pages.
    var stems: [String]
    var encoded: [String]
    /// The index's shards as that build split the words, in the manifest's order.
    var shards: [Shard] = []

    /// One shard of the index: a later patch that leaves its words and their stems as they
    /// were keeps its file, named by its text, without making the text again.
    struct Shard: Sendable, Equatable {
        /// The characters its words start with (`ShardPlan.Shard.start`).
        var start: String
        /// Its first and last word, and how many words it has.
        var first: String
        var last: String
        var count: Int
        /// Its file's name, the digest of its text.
        var name: String
    }

    /// Whether the memo describes the index of these pages in this language.
    func fits(generation: String, language: String, stemmed: Bool) -> Bool {
        self.generation == generation && self.language == language && self.stemmed == stemmed
            && stems.count == encoded.count
    }

    /// One page whose share changed: its number in the index and its shares before and after.
    struct Change: Sendable {
        var page: Int32
        var old: SearchPart
        var new: SearchPart
    }

    /// The memo's words with `changes` applied, in order, with the stems whose pages changed.
    /// Words that are new have an empty stem, for the caller to fill.
    func patched(with changes: [Change]) -> (words: [Word], dirtyStems: Set<String>) {
        var words = self.words
        var dirty = Set<String>()
        var added: [String: Word] = [:]
        for change in changes {
            let (removed, put) = Self.difference(change.old.terms, change.new.terms)
            for word in removed {
                if let at = position(of: word, in: words) {
                    dirty.insert(words[at].stem)
                    words[at].remove(page: change.page)
                } else {
                    added[word]?.remove(page: change.page)
                }
            }
            for (word, field) in put {
                if let at = position(of: word, in: words) {
                    dirty.insert(words[at].stem)
                    words[at].insert(page: change.page, field: field)
                } else {
                    added[word, default: Word(word: word, stem: "", pages: [], fields: [])]
                        .insert(page: change.page, field: field)
                }
            }
        }
        let new = added.values.filter { !$0.pages.isEmpty }.sorted { $0.word.utf8.lexicographicallyPrecedes($1.word.utf8) }
        return (Self.merge(words.filter { !$0.pages.isEmpty }, new), dirty)
    }

    /// The words a page no longer has, and those it has anew or with other field bits: an edit
    /// leaves most of a page's words as they were, and their stems need no new encoding.
    private static func difference(_ old: SearchPart.Terms, _ new: SearchPart.Terms)
        -> (removed: [String], put: [(String, UInt8)])
    {
        let before = Dictionary(zip(old.words, old.fields), uniquingKeysWith: { first, _ in first })
        let after = Dictionary(zip(new.words, new.fields), uniquingKeysWith: { first, _ in first })
        let removed = old.words.filter { after[$0] == nil }
        let put = zip(new.words, new.fields).filter { before[$0.0] != $0.1 }.map { ($0.0, $0.1) }
        return (removed, put)
    }

    /// Where `word` is among `words` (sorted by bytes), by binary search.
    private func position(of word: String, in words: [Word]) -> Int? {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].word.utf8.lexicographicallyPrecedes(word.utf8) { low = middle + 1 } else { high = middle }
        }
        return low < words.count && words[low].word == word ? low : nil
    }

    /// Two lists sorted by bytes, with no word in both, as one.
    private static func merge(_ first: [Word], _ second: [Word]) -> [Word] {
        guard !second.isEmpty else { return first }
        var merged: [Word] = []
        merged.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count, j < second.count {
            if first[i].word.utf8.lexicographicallyPrecedes(second[j].word.utf8) {
                merged.append(first[i])
                i += 1
            } else {
                merged.append(second[j])
                j += 1
            }
        }
        merged += first[i...]
        merged += second[j...]
        return merged
    }
}

extension SearchMemo.Word {
    /// Takes `page` out of the word's pages (binary search: they are ascending).
    mutating func remove(page: Int32) {
        let at = insertionPoint(of: page)
        guard at < pages.count, pages[at] == page else { return }
        pages.remove(at: at)
        fields.remove(at: at)
    }

    /// Puts `page` into the word's pages at its place, or sets its field bits when it is there.
    mutating func insert(page: Int32, field: UInt8) {
        let at = insertionPoint(of: page)
        if at < pages.count, pages[at] == page {
            fields[at] = field
        } else {
            pages.insert(page, at: at)
            fields.insert(field, at: at)
        }
    }

    private func insertionPoint(of page: Int32) -> Int {
        var low = 0
        var high = pages.count
        while low < high {
            let middle = (low + high) / 2
            if pages[middle] < page { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// Splits text into search words: lower-case runs of letters and digits, two characters or
/// more, accents folded (see `Folding`), without stop words; Chinese, Japanese and Korean text,
/// written without spaces, as overlapping pairs of characters (so a phrase is found anywhere
/// in a sentence, not only where a run of characters starts).
///
/// It runs over every word of the site, so it works on UTF-8 bytes: ASCII byte by byte, other
/// scripts through Unicode properties. With `distinct`, a word already seen in the current
/// document is counted, not added again, through a small hash table over the word's bytes (a
/// `Set<String>` hashed every word with SipHash: a quarter of the index's cost). A struct with
/// `mutating` methods rather than closures over local variables: captured variables cost an
/// exclusivity check on every byte.
struct WordTokenizer {
    /// The words found since `startDocument`, in order of first appearance when `distinct`.
    private(set) var words: [String] = []
    /// With `distinct`, how many times each word of `words` was found.
    private(set) var counts: [Int32] = []
    /// With `distinct`, the `field` bits of every place each word of `words` was found.
    private(set) var fields: [UInt8] = []
    /// Bits that tell where the text being scanned stands (title, heading, body), added to
    /// `fields` for every word found in it.
    var field: UInt8 = 0
    private let distinct: Bool
    /// The current word is `word[..<wordCount]`: the array is overwritten rather than emptied,
    /// since `removeAll(keepingCapacity:)` after every word cost a tenth of the scan.
    private var word: [UInt8] = []
    private var wordCount = 0
    private var wordHash: UInt64 = Self.hashSeed
    private var hasUnicode = false
    /// The last character of the current run of CJK characters, and the run's length.
    private var cjkPrevious: [UInt8] = []
    private var cjkRun = 0

    /// The current document's distinct words, back to back, and the hash table over them:
    /// each slot holds (generation, hash, start, length, word number); a slot of another
    /// generation is empty.
    private var arena: [UInt8] = []
    private var slots: [(generation: UInt32, hash: UInt64, start: Int32, length: Int32, number: Int32)]
    private var generation: UInt32 = 1
    private var used = 0

    private static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    /// Longer words, in bytes, are not indexed: nobody searches for a hash or a run of letters
    /// pasted whole, and they would make the index's shards deep.
    static let longestWord = 64

    /// The stop words packed as `length << 32 | bytes`, sorted, for a search without hashing.
    private static let packedStopWords: [UInt64] = StopWords.all.map { pack(Array($0.utf8)) }.sorted()

    init(distinct: Bool) {
        self.distinct = distinct
        word.reserveCapacity(32)
        // Room for a page's usual few hundred distinct words without growing.
        slots = Array(repeating: (0, 0, 0, 0, 0), count: distinct ? 512 : 0)
    }

    /// Forgets the words seen so far, for the next document.
    mutating func startDocument() {
        words.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        used = 0
        generation &+= 1
        if generation == 0 {
            for index in slots.indices { slots[index].generation = 0 }
            generation = 1
        }
    }

    mutating func scan(_ text: String) {
        var text = text
        text.withUTF8 { scan($0) }
    }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                    if cjkRun > 0 { endCJKRun() }
                    append(byte)
                } else if (0x41...0x5A).contains(byte) {
                    if cjkRun > 0 { endCJKRun() }
                    append(byte + 0x20)
                } else {
                    if wordCount > 0 { flush() }
                    if cjkRun > 0 { endCJKRun() }
                }
                index += 1
                continue
            }
            // A multi-byte scalar: decode it and ask Unicode whether it belongs to a word.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let end = min(index + length, bytes.count)
            scanScalar(UnsafeBufferPointer(rebasing: bytes[index..<end]))
            index = end
        }
        if wordCount > 0 { flush() }
        if cjkRun > 0 { endCJKRun() }
    }

    private mutating func scanScalar(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return }
        if Folding.isCJK(scalar) {
            if wordCount > 0 { flush() }
            addCJK(Array(bytes))
        } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            if cjkRun > 0 { endCJKRun() }
            for lower in scalar.properties.lowercaseMapping.utf8 { append(lower) }
            hasUnicode = true
        } else {
            if wordCount > 0 { flush() }
            if cjkRun > 0 { endCJKRun() }
        }
    }

    private mutating func append(_ byte: UInt8) {
        if wordCount < word.count { word[wordCount] = byte } else { word.append(byte) }
        wordCount += 1
        wordHash = (wordHash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// Replaces the current word with `bytes`.
    private mutating func load(_ bytes: some Sequence<UInt8>) {
        wordCount = 0
        wordHash = Self.hashSeed
        for byte in bytes { append(byte) }
    }

    private mutating func flush() {
        defer {
            wordCount = 0
            wordHash = Self.hashSeed
            hasUnicode = false
        }
        if hasUnicode {
            let folded = Folding.fold(String(decoding: word[..<wordCount], as: UTF8.self))
            guard folded.unicodeScalars.count > 1, folded.utf8.count <= Self.longestWord else { return }
            load(folded.utf8)
            record()
            return
        }
        guard wordCount > 1, wordCount <= Self.longestWord else { return }
        if wordCount <= 4, Self.isStopWord(Self.pack(word[..<wordCount])) { return }
        record()
    }

    /// A CJK character: the pair it makes with the character before it is a word.
    private mutating func addCJK(_ character: [UInt8]) {
        if cjkRun > 0 {
            load(cjkPrevious + character)
            record()
            clearWord()
        }
        cjkPrevious = character
        cjkRun += 1
    }

    private mutating func clearWord() {
        wordCount = 0
        wordHash = Self.hashSeed
    }

    /// Ends a run of CJK characters; a character alone is a word by itself.
    private mutating func endCJKRun() {
        if cjkRun == 1 {
            load(cjkPrevious)
            record()
        }
        cjkRun = 0
        clearWord()
    }

    /// Adds the current word, or counts it again when `distinct` and already seen.
    private mutating func record() {
        guard distinct else {
            words.append(String(decoding: word[..<wordCount], as: UTF8.self))
            return
        }
        if let number = seenNumber() {
            counts[number] += 1
            fields[number] |= field
            return
        }
        words.append(String(decoding: word[..<wordCount], as: UTF8.self))
        counts.append(1)
        fields.append(field)
    }

    /// The number of the current word when it was seen in this document; otherwise records it
    /// and returns `nil`.
    private mutating func seenNumber() -> Int? {
        if (used + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: wordHash) & mask
        while slots[slot].generation == generation {
            let entry = slots[slot]
            if entry.hash == wordHash, Int(entry.length) == wordCount, storedWordEquals(at: Int(entry.start)) {
                return Int(entry.number)
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = (generation, wordHash, Int32(arena.count), Int32(wordCount), Int32(words.count))
        let count = wordCount
        word.withUnsafeBufferPointer { arena.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
        used += 1
        return nil
    }

    /// Whether the word stored in `arena` at `start` is the current word (same length checked).
    private func storedWordEquals(at start: Int) -> Bool {
        arena.withUnsafeBufferPointer { stored in
            word.withUnsafeBufferPointer { current in
                for offset in 0..<wordCount where stored[start + offset] != current[offset] { return false }
                return true
            }
        }
    }

    /// Doubles the table and puts the current document's words back in it.
    private mutating func grow() {
        let old = slots.filter { $0.generation == generation }
        slots = Array(repeating: (0, 0, 0, 0, 0), count: slots.count * 2)
        let mask = slots.count - 1
        for entry in old {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot].generation == generation { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    private static func pack(_ bytes: some Collection<UInt8>) -> UInt64 {
        var packed = UInt64(bytes.count) << 32
        for (offset, byte) in bytes.prefix(4).enumerated() { packed |= UInt64(byte) << (8 * offset) }
        return packed
    }

    private static func isStopWord(_ packed: UInt64) -> Bool {
        var low = 0
        var high = packedStopWords.count
        while low < high {
            let middle = (low + high) / 2
            if packedStopWords[middle] < packed { low = middle + 1 } else { high = middle }
        }
        return low < packedStopWords.count && packedStopWords[low] == packed
    }
}

internal import PlaybookModel

/// What the index needs of one page: its address, title and the text of each of its sections,
/// taken from the facts rendering returned (nothing is parsed again).
public struct SearchPage: Sendable {
    /// One part of the page: the text before the first heading (`anchor` and `heading` empty),
    /// then each heading with the text up to the next one.
    public struct Section: Sendable {
        public var anchor: String
        public var heading: String
        public var text: String

        public init(anchor: String, heading: String, text: String) {
            self.anchor = anchor
            self.heading = heading
            self.text = text
        }
    }

    /// The page's address, with the site's base path.
    public var url: String
    public var title: String
    public var description: String
    public var sections: [Section]

    public init(url: String, title: String, description: String, sections: [Section]) {
        self.url = url
        self.title = title
        self.description = description
        self.sections = sections
    }
}

/// One page's share of the index: the fragment the browser loads to show the page as a result,
/// and each distinct word of the page with where it stands. It does not depend on the page's
/// place in the site, so a build keeps it for pages that did not change.
public struct SearchPart: Sendable, Equatable {
    /// Where a word stands in a page, as bits of `fields`.
    public enum Field {
        /// In the title.
        public static let title: UInt8 = 1
        /// In a heading or the description.
        public static let heading: UInt8 = 2
        /// In the text.
        public static let body: UInt8 = 4
        /// Three times or more in the page.
        public static let frequent: UInt8 = 8
    }

    /// The page's address, with the site's base path.
    public var url: String
    /// `["url","title",[["anchor","heading","text"],…]]`, the first section the intro.
    public var fragment: String
    /// The page's words with their fields, kept as the build cache's bytes until asked for.
    private let storage: TermStorage

    /// The page's distinct words (lower case, accents folded, not stemmed).
    public var words: [String] { storage.terms.words }
    /// For each word, its `Field` bits.
    public var fields: [UInt8] { storage.terms.fields }
    /// The words are sorted by `SearchIndex.bucket(of:)`: bucket `b`'s words are
    /// `words[bucketStarts[b]..<bucketStarts[b + 1]]`, so the index gathers each bucket on its
    /// own core without looking at the other words.
    public var bucketStarts: [Int32] { storage.terms.bucketStarts }
    /// The three at once, for a loop over many of them.
    var terms: Terms { storage.terms }

    /// The words, their fields and where each bucket starts.
    struct Terms: Sendable, Equatable {
        var words: [String]
        var fields: [UInt8]
        var bucketStarts: [Int32]

        /// Whether the three fit together.
        var isValid: Bool {
            words.count == fields.count && bucketStarts.count == SearchIndex.bucketCount + 1 && bucketStarts.first == 0
                && bucketStarts.last == Int32(words.count) && zip(bucketStarts, bucketStarts.dropFirst()).allSatisfy { $0 <= $1 }
        }
    }

    /// A share as the build cache kept it; `nil` when its parts do not fit together.
    public init?(url: String, fragment: String, words: [String], fields: [UInt8], bucketStarts: [Int32]) {
        let terms = Terms(words: words, fields: fields, bucketStarts: bucketStarts)
        guard terms.isValid else { return nil }
        self.url = url
        self.fragment = fragment
        storage = TermStorage(terms)
    }

    /// A share whose terms stay encoded (`CacheWriter.searchTerms`) until they are asked for:
    /// a one-page rebuild of a large site reads them for the pages that changed only (decoding
    /// them all was a tenth of its instructions). They are checked when decoded.
    init(url: String, fragment: String, encodedTerms: ArraySlice<UInt8>) {
        self.url = url
        self.fragment = fragment
        storage = TermStorage(encoded: encodedTerms)
    }

    /// The terms' bytes as the cache had them, while they are not decoded.
    var encodedTerms: ArraySlice<UInt8>? { storage.encoded }

    public static func == (lhs: SearchPart, rhs: SearchPart) -> Bool {
        lhs.url == rhs.url && lhs.fragment == rhs.fragment && (lhs.storage === rhs.storage || lhs.terms == rhs.terms)
    }

    /// The share of `page`.
    public init(page: SearchPage) {
        var tokenizer = WordTokenizer(distinct: true)
        tokenizer.field = Field.title
        tokenizer.scan(page.title)
        tokenizer.field = Field.heading
        tokenizer.scan(page.description)
        for section in page.sections {
            tokenizer.field = Field.heading
            tokenizer.scan(section.heading)
            tokenizer.field = Field.body
            tokenizer.scan(section.text)
        }
        let (words, fields, bucketStarts) = Self.sortedByBucket(tokenizer)
        storage = TermStorage(Terms(words: words, fields: fields, bucketStarts: bucketStarts))
        url = page.url
        fragment = Self.fragment(of: page)
    }

    /// The tokenizer's words and their field bits sorted by bucket, each bucket in order of first
    /// appearance, with where each bucket starts: a counting sort into arrays made at their
    /// size (a growing array per bucket was a tenth of a page's share).
    private static func sortedByBucket(_ tokenizer: WordTokenizer) -> (words: [String], fields: [UInt8], starts: [Int32]) {
        let found = tokenizer.words
        let buckets = found.map(SearchIndex.bucket(of:))
        var starts = [Int32](repeating: 0, count: SearchIndex.bucketCount + 1)
        for bucket in buckets { starts[bucket + 1] += 1 }
        for bucket in 0..<SearchIndex.bucketCount { starts[bucket + 1] += starts[bucket] }
        var next = starts.map(Int.init)
        var words = [String](repeating: "", count: found.count)
        var fields = [UInt8](repeating: 0, count: found.count)
        for (index, bucket) in buckets.enumerated() {
            let field = tokenizer.fields[index]
            words[next[bucket]] = found[index]
            fields[next[bucket]] = tokenizer.counts[index] >= 3 ? field | Field.frequent : field
            next[bucket] += 1
        }
        return (words, fields, starts)
    }

    /// How much of each section's text a fragment keeps, in characters (Unicode scalars): enough
    /// for a snippet around the words found, little enough that ten results load fast.
    public static let textLength = 110

    private static func fragment(of page: SearchPage) -> String {
        var json = FragmentWriter(capacity: 256 + page.sections.count * (textLength + 64))
        json.raw("[")
        json.string(page.url)
        json.raw(",")
        json.string(page.title)
        json.raw(",[")
        for (position, section) in page.sections.enumerated() {
            json.raw(position > 0 ? ",[" : "[")
            json.string(section.anchor)
            json.raw(",")
            json.string(section.heading)
            json.raw(",")
            json.start(of: section.text, length: textLength)
            json.raw("]")
        }
        json.raw("]]")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// A JSON string literal with markup characters escaped (see `JSONString.quote`).
    static func quote(_ text: String) -> String { JSONString.quote(text, escapingMarkup: true) }
}

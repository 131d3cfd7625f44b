internal import PlaybookModel

/// The site's search index, in files the browser loads only as a query needs them (the layout
/// of Pagefind: a small manifest, words in shards, one small file per page):
///
/// - `search/index.json`, the manifest: the number of pages, the language, the stop words and
///   each shard's name by the start its words share (`"co"` holds the words that start with
///   "co" unless a longer start has a shard of its own).
/// - `search/t/<digest>.json`, a shard: `{"w":{"word":0,…},"s":[["B","T","H","F"],…]}`, each
///   word (lower case, accents folded, as written) with the number of its stem, and for each stem
///   the pages that have it (`B`), in their title (`T`), in a heading (`H`), three times or more
///   (`F`), as `PageSet`s. A shard is named by its contents, so a build that changes other
///   words leaves it as it was.
/// - `search/<generation>/<n>.json`, page `n`'s fragment (see `SearchPart.fragment`), loaded
///   for the results shown. The generation changes when pages are added, removed or reordered,
///   so a browser never pairs a number with another page's fragment.
public enum SearchIndex {
    /// The folder of the index in the output.
    public static let folder = "search"
    /// The manifest's path in the output.
    public static let manifestPath = "search/index.json"
    /// The version of the layout, which the browser's script checks.
    public static let version = 3
    /// The words of a page are gathered in this many buckets, one task each.
    public static let bucketCount = 16
    /// A shard is split by the next character of its words when it is larger than this, in
    /// bytes: a query's shard then stays well under 20 KB gzipped.
    public static let shardLimit = 24_000

    static func bucket(of word: String) -> Int { Int(word.utf8.first ?? 0) % bucketCount }

    /// One file of the index: its path in the output and its text.
    public struct File: Sendable, Hashable {
        public var path: String
        public var text: String
    }

    /// Every file of the index for pages whose shares are `parts`, in the site's page order,
    /// sorted by path.
    public static func files(parts: [SearchPart], language: String, stemming: (any Stemming)?) -> [File] {
        index(parts: parts, language: language, stemming: stemming).files
    }

    /// The files, and the memo the next build patches. With `patching`, the words are the
    /// memo's with the changed pages' shares swapped in, when the memo fits these pages.
    static func index(
        parts: [SearchPart], language: String, stemming: (any Stemming)?,
        patching: (memo: SearchMemo, changes: [SearchMemo.Change])? = nil
    ) -> (files: [File], memo: SearchMemo) {
        let generation = generation(of: parts)
        let vocabulary = patching.flatMap {
            Vocabulary(
                patching: $0.memo, changes: $0.changes, pageCount: parts.count, generation: generation, language: language,
                stemming: stemming)
        } ?? Vocabulary(parts: parts, generation: generation, language: language, stemming: stemming)
        var (files, shards) = wordFiles(vocabulary: vocabulary, pageCount: parts.count, language: language, generation: generation)
        for (number, part) in parts.enumerated() {
            files.append(File(path: fragmentPath(generation: generation, number: number), text: part.fragment))
        }
        var memo = vocabulary.memo
        memo.shards = shards
        return (files.sorted { $0.path < $1.path }, memo)
    }

    /// The shards and the manifest of the index `memo` describes with `changes` applied, and the
    /// patched memo; `nil` when the memo is for another language or other stemming. The pages
    /// are the memo's (`pageCount` of them), so their fragments' files are the caller's.
    /// A shard whose words and stems are as the memo had them is left out: its file, named by
    /// its text, is the one already written (`SearchMemo.Shard`).
    static func patched(
        memo: SearchMemo, changes: [SearchMemo.Change], pageCount: Int, language: String, stemming: (any Stemming)?
    ) -> (files: [File], memo: SearchMemo)? {
        guard let vocabulary = Vocabulary(
            patching: memo, changes: changes, pageCount: pageCount, generation: memo.generation, language: language,
            stemming: stemming)
        else { return nil }
        var patched = vocabulary.memo
        patched.sources = memo.sources
        let (files, shards) = wordFiles(
            vocabulary: vocabulary, pageCount: pageCount, language: language, generation: memo.generation,
            reusing: memo.shards)
        patched.shards = shards
        return (files, patched)
    }

    /// Page `number`'s fragment file.
    static func fragmentPath(generation: String, number: Int) -> String {
        "\(folder)/\(generation)/\(number).json"
    }

    /// The shards of `vocabulary`'s words, then the manifest, with what the memo keeps of each
    /// shard. A shard in `reusing` whose words and their stems' pages are unchanged has no file
    /// here (see `patched`).
    private static func wordFiles(
        vocabulary: Vocabulary, pageCount: Int, language: String, generation: String, reusing: [SearchMemo.Shard] = []
    ) -> (files: [File], shards: [SearchMemo.Shard]) {
        let plan = ShardPlan(vocabulary: vocabulary, limit: shardLimit).shards
        let old = Dictionary(reusing.map { ($0.start, $0) }, uniquingKeysWith: { $1 })
        let made = plan.parallelMap { shard -> (memo: SearchMemo.Shard, file: File?) in
            let words = shard.words
            var memo = SearchMemo.Shard(
                start: shard.start, first: words.first.map { vocabulary.words[$0] } ?? "",
                last: words.last.map { vocabulary.words[$0] } ?? "", count: words.count, name: "")
            if let kept = old[shard.start], kept.first == memo.first, kept.last == memo.last, kept.count == memo.count,
                let reencoded = vocabulary.reencoded, !words.contains(where: { reencoded[vocabulary.stemOfWord[$0]] })
            {
                return (kept, nil)
            }
            let text = shardJSON(words: words, vocabulary: vocabulary)
            memo.name = String(StableHash.of(Array(text.utf8)), radix: 16)
            return (memo, File(path: shardPath(memo.name), text: text))
        }
        var files = made.compactMap(\.file)
        files.append(File(path: manifestPath, text: manifest(
            pageCount: pageCount, language: language, stemmed: vocabulary.stemmed, generation: generation,
            shards: made.map { ($0.memo.start, $0.memo.name) })))
        return (files, made.map(\.memo))
    }

    /// The path of the shard file named `name`.
    static func shardPath(_ name: String) -> String { "\(folder)/t/\(name).json" }

    /// A digest of the pages' addresses in order.
    static func generation(of parts: [SearchPart]) -> String {
        var hash = StableHash()
        for part in parts { hash.add(part.url) }
        return "g" + String(hash.value % 0xFFFF_FFFF, radix: 36)
    }

    private static func manifest(
        pageCount: Int, language: String, stemmed: Bool, generation: String, shards: [(start: String, name: String)]
    ) -> String {
        let entries = shards.map { "\(SearchPart.quote($0.start)):\"\($0.name)\"" }.joined(separator: ",\n")
        let stop = StopWords.all.map { "\"\($0)\"" }.joined(separator: ",")
        return """
            {"version":\(version),"pages":\(pageCount),"language":\(SearchPart.quote(language)),\
            "stemmed":\(stemmed),"fragments":"\(generation)","stop":[\(stop)],
            "shards":{
            \(entries)
            }}

            """
    }

    private static func shardJSON(words: [Int], vocabulary: Vocabulary) -> String {
        var stems: [Int] = []
        var stemNumbers: [Int: Int] = [:]
        var json = "{\"w\":{"
        for (position, word) in words.enumerated() {
            let stem = vocabulary.stemOfWord[word]
            let number = stemNumbers[stem] ?? {
                stemNumbers[stem] = stems.count
                stems.append(stem)
                return stems.count - 1
            }()
            json += (position > 0 ? ",\n" : "\n") + SearchPart.quote(vocabulary.words[word]) + ":\(number)"
        }
        json += "},\n\"s\":["
        for (position, stem) in stems.enumerated() {
            json += (position > 0 ? ",\n" : "\n") + vocabulary.encodedStems[stem]
        }
        return json + "]}\n"
    }
}

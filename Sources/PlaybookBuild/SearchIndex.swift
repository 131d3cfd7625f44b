internal import PlaybookModel
internal import PlaybookRender
internal import PlaybookMarkdown
internal import PlaybookDiagnostics

/// `search-index.json`: what the browser's search script needs, built from the facts rendering
/// returned (nothing is parsed again).
///
/// `pages` lists each page's URL and title once. One document per page section (the intro, then
/// each heading) gives its page's number, the heading's anchor and text, and a short snippet.
/// Words map to the documents that contain them as delta-encoded base-36 lists, which keeps the
/// index small: the browser finds words by prefix in `terms` and intersects their documents.
///
/// ```json
/// {"version":2,"pages":[["/framework/plan/","The Plan"]],
///  "docs":[[0,"","","Intro…"],[0,"pitfalls","Pitfalls","Snippet…"]],
///  "terms":{"pitfalls":"1"}}
/// ```
enum SearchIndex {
    static let snippetLength = 120
    /// Words left out of the index; every one is ASCII and four letters or fewer (the
    /// tokenizer relies on it).
    static let stopWords: [String] = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of",
        "on", "or", "that", "the", "this", "to", "was", "with",
    ]

    /// Postings are gathered in this many shards, one task each, so the hashing of every word
    /// of the site runs on all cores.
    static let shardCount = 16

    /// One page's share of the index: its entry, its documents, and each document's distinct
    /// words, already sorted into shards by the word's first byte. It does not depend on the
    /// page's place in the site, so the build cache keeps it for pages that did not change.
    struct PagePart: Sendable {
        var entry: String
        /// Each document's JSON array after its page number: `"anchor","heading","snippet"]`.
        var docs: [String] = []
        /// For each shard: (document offset within the page, word).
        var shards = [[(doc: Int32, word: String)]](repeating: [], count: SearchIndex.shardCount)
    }

    static func json(site: Site, pages: [RenderedPage]) -> String {
        json(parts: parts(site: site, pages: pages, reusing: { _ in nil }))
    }

    /// Each page's part, in the order of `pages`: `reusing` gives the part kept from an earlier
    /// build for a page that did not change, or `nil` to make it from the rendered page.
    static func parts(site: Site, pages: [RenderedPage], reusing: @Sendable (RenderedPage) -> PagePart?) -> [PagePart] {
        let base = site.config.basePath
        return pages.parallelMap { rendered in
            reusing(rendered) ?? part(page: site.pages[rendered.index], rendered: rendered, base: base)
        }
    }

    static func json(parts: [PagePart]) -> String {
        var starts: [Int32] = []
        var docCount: Int32 = 0
        for part in parts {
            starts.append(docCount)
            docCount += Int32(part.docs.count)
        }
        let firstDoc = starts
        let shards = Array(0..<shardCount).parallelMap { shard -> [(word: String, encoded: String)] in
            var postings: [String: [Int32]] = [:]
            for (number, part) in parts.enumerated() {
                let first = firstDoc[number]
                for (doc, word) in part.shards[shard] { postings[word, default: []].append(first + doc) }
            }
            return postings.map { (word: $0.key, encoded: deltaEncode($0.value)) }
        }
        // Written as bytes into one buffer: joining Strings made an intermediate String per
        // document and per term, and copied each of them twice.
        var json: [UInt8] = []
        json.reserveCapacity(parts.reduce(0) { $0 + $1.entry.utf8.count + $1.docs.count * 160 } + 64)
        func append(_ text: String) { json.append(contentsOf: text.utf8) }
        append("{\"version\":2,\"pages\":[\n")
        for (number, part) in parts.enumerated() {
            if number > 0 { append(",\n") }
            append(part.entry)
        }
        append("\n],\"docs\":[\n")
        var firstDocument = true
        for (number, part) in parts.enumerated() {
            for doc in part.docs {
                if !firstDocument { append(",\n") }
                firstDocument = false
                append("[\(number),")
                append(doc)
            }
        }
        append("\n],\"terms\":{\n")
        let terms = shards.flatMap { $0 }.sorted { $0.word < $1.word }
        for (position, term) in terms.enumerated() {
            if position > 0 { append(",\n") }
            appendQuoted(term.word, to: &json)
            append(":\"")
            append(term.encoded)
            json.append(UInt8(ascii: "\""))
        }
        append("\n}}\n")
        return String(decoding: json, as: UTF8.self)
    }

    /// Appends `quote(word)`. The tokenizer's ASCII words are all letters and digits, which need
    /// no escape, so only words with other bytes go through `quote` and its String.
    private static func appendQuoted(_ word: String, to json: inout [UInt8]) {
        let plain = word.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
        }
        if plain {
            json.append(UInt8(ascii: "\""))
            json.append(contentsOf: word.utf8)
            json.append(UInt8(ascii: "\""))
        } else {
            json.append(contentsOf: quote(word).utf8)
        }
    }

    private static func part(page: Page, rendered: RenderedPage, base: String) -> PagePart {
        var part = PagePart(entry: "[\(quote(base + page.url.dropFirst())),\(quote(page.title))]")
        var tokenizer = WordTokenizer(distinct: true)
        func add(anchor: String, heading: String, text: String, extra: (String, String)? = nil) {
            let doc = Int32(part.docs.count)
            part.docs.append("\(quote(anchor)),\(quote(heading)),\(quotedSnippet(text))]")
            tokenizer.startDocument()
            // Scanned one by one, not as `extra + [heading, text]`: an array made per document.
            if let extra {
                tokenizer.scan(extra.0)
                tokenizer.scan(extra.1)
            }
            tokenizer.scan(heading)
            tokenizer.scan(text)
            for word in tokenizer.words {
                part.shards[Int(word.utf8.first ?? 0) % shardCount].append((doc, word))
            }
        }
        let texts = rendered.sectionTexts
        let intro = texts.first ?? rendered.plainText
        add(anchor: "", heading: "", text: intro, extra: (page.title, page.description ?? ""))
        for (position, heading) in rendered.headings.enumerated() {
            let text = position + 1 < texts.count ? texts[position + 1] : ""
            add(anchor: heading.id, heading: heading.text, text: text)
        }
        return part
    }

    /// Lower-case words of letters and digits, two characters or more, without stop words.
    /// Runs over every word of the site, so ASCII text is handled byte by byte; other scripts
    /// go through Unicode properties.
    static func words(_ text: String) -> [String] {
        var tokenizer = WordTokenizer(distinct: false)
        tokenizer.scan(text)
        return tokenizer.words
    }

    /// Document ids as gaps in base 36, separated by dots: `[3, 5, 40]` → `3.2.z`.
    static func deltaEncode(_ ids: [Int32]) -> String {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(ids.count * 3)
        var previous = 0
        var scratch = [UInt8](repeating: 0, count: 16)
        var sorted = ids.map { Int($0) }
        if zip(sorted, sorted.dropFirst()).contains(where: { $0 > $1 }) { sorted.sort() }
        for id in sorted {
            if !out.isEmpty { out.append(UInt8(ascii: ".")) }
            var gap = id - previous
            previous = id
            var count = 0
            repeat {
                scratch[count] = digits[gap % 36]
                gap /= 36
                count += 1
            } while gap > 0
            while count > 0 {
                count -= 1
                out.append(scratch[count])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The start of `text` with runs of white space made single spaces, cut at a word boundary.
    static func snippet(_ text: String) -> String {
        let (start, cut) = snippetStart(text)
        return cut ? start + "…" : start
    }

    /// `quote(snippet(text))`, with the "…" of a cut snippet added after quoting: its first byte
    /// (0xE2, as in U+2028) sent most snippets down `quote`'s slow path. "…" needs no escape.
    private static func quotedSnippet(_ text: String) -> String {
        let (start, cut) = snippetStart(text)
        let quoted = quote(start)
        guard cut else { return quoted }
        // Over the UTF-8 view: `String.dropLast` walks grapheme clusters and cost more than `quote`.
        return "\(Substring(quoted.utf8.dropLast()))…\""
    }

    /// The snippet without its "…", and whether the text was cut.
    private static func snippetStart(_ text: String) -> (start: String, cut: Bool) {
        var text = text
        return text.withUTF8(snippetStart)
    }

    private static func snippetStart(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: String, cut: Bool) {
        // Over the UTF-8 bytes, counting scalars (bytes that are not continuation bytes):
        // several times faster than walking Characters, and the same for the usual text.
        var out: [UInt8] = []
        out.reserveCapacity(min(bytes.count, snippetLength * 2))
        var pendingSpace = false
        var count = 0
        var lastSpace: Int?
        for byte in bytes {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                pendingSpace = !out.isEmpty
                continue
            }
            let startsScalar = byte & 0xC0 != 0x80
            if startsScalar, count >= snippetLength {
                return (String(decoding: out[..<(lastSpace ?? out.count)], as: UTF8.self), true)
            }
            if pendingSpace {
                lastSpace = out.count
                out.append(UInt8(ascii: " "))
                count += 1
                pendingSpace = false
            }
            out.append(byte)
            if startsScalar { count += 1 }
        }
        return (String(decoding: out, as: UTF8.self), false)
    }

    /// A JSON string literal with markup characters escaped (see `JSONString.quote`).
    static func quote(_ text: String) -> String { JSONString.quote(text, escapingMarkup: true) }
}

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
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of",
        "on", "or", "that", "the", "this", "to", "was", "with",
    ]

    /// One page's share of the index: its entry, its documents and the words of each document.
    private struct PagePart: Sendable {
        var entry: String
        var docs: [String]
        var words: [[String]]
    }

    static func json(site: Site, pages: [RenderedPage]) -> String {
        let base = site.config.basePath
        let parts = pages.enumerated().map { ($0.offset, $0.element) }.parallelMap { number, rendered in
            part(number: number, page: site.pages[rendered.index], rendered: rendered, base: base)
        }
        var starts: [Int] = []
        var docCount = 0
        for part in parts {
            starts.append(docCount)
            docCount += part.words.count
        }
        let firstDoc = starts
        var json = "{\"version\":2,\"pages\":[\n"
        json += parts.map(\.entry).joined(separator: ",\n")
        json += "\n],\"docs\":[\n"
        json += parts.flatMap(\.docs).joined(separator: ",\n")
        json += "\n],\"terms\":{\n"
        // Postings are gathered in shards by the word's first byte, one shard per task, so the
        // hashing of every word of the site runs on all cores.
        let shardCount = 16
        let shards = Array(0..<shardCount).parallelMap { shard -> [(word: String, encoded: String)] in
            var postings: [String: [Int]] = [:]
            for (number, part) in parts.enumerated() {
                for (offset, words) in part.words.enumerated() {
                    for word in words where Int(word.utf8.first ?? 0) % shardCount == shard {
                        postings[word, default: []].append(firstDoc[number] + offset)
                    }
                }
            }
            return postings.map { (word: $0.key, encoded: deltaEncode($0.value)) }
        }
        let terms = shards.flatMap { $0 }.sorted { $0.word < $1.word }
        json += terms.map { quote($0.word) + ":\"" + $0.encoded + "\"" }.joined(separator: ",\n")
        json += "\n}}\n"
        return json
    }

    private static func part(number: Int, page: Page, rendered: RenderedPage, base: String) -> PagePart {
        var part = PagePart(entry: "[\(quote(base + page.url.dropFirst())),\(quote(page.title))]", docs: [], words: [])
        func add(anchor: String, heading: String, text: String, extra: [String]) {
            part.docs.append("[\(number),\(quote(anchor)),\(quote(heading)),\(quote(snippet(text)))]")
            var seen: Set<String> = []
            var unique: [String] = []
            for piece in extra + [heading, text] {
                for word in words(piece) where seen.insert(word).inserted { unique.append(word) }
            }
            part.words.append(unique)
        }
        let texts = rendered.sectionTexts
        let intro = texts.first ?? rendered.plainText
        add(anchor: "", heading: "", text: intro, extra: [page.title, page.description ?? ""])
        for (position, heading) in rendered.headings.enumerated() {
            let text = position + 1 < texts.count ? texts[position + 1] : ""
            add(anchor: heading.id, heading: heading.text, text: text, extra: [])
        }
        return part
    }

    /// Lower-case words of letters and digits, two characters or more, without stop words.
    /// Runs over every word of the site, so ASCII text is handled byte by byte; other scripts
    /// go through Unicode properties.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var hasUnicode = false
        var text = text
        text.withUTF8 { bytes in
            func flush() {
                if word.count > 1 || (hasUnicode && !word.isEmpty) {
                    let string = String(decoding: word, as: UTF8.self)
                    if hasUnicode ? string.count > 1 : true, !stopWords.contains(string) { result.append(string) }
                }
                word.removeAll(keepingCapacity: true)
                hasUnicode = false
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                        word.append(byte)
                    } else if (0x41...0x5A).contains(byte) {
                        word.append(byte + 0x20)
                    } else {
                        flush()
                    }
                    index += 1
                    continue
                }
                // A multi-byte scalar: decode it and ask Unicode whether it belongs to a word.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(index + length, bytes.count)
                let scalarText = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                if let scalar = scalarText.unicodeScalars.first,
                    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                {
                    word.append(contentsOf: Array(scalar.properties.lowercaseMapping.utf8))
                    hasUnicode = true
                } else {
                    flush()
                }
                index = end
            }
            flush()
        }
        return result
    }

    /// Document ids as gaps in base 36, separated by dots: `[3, 5, 40]` → `3.2.z`.
    static func deltaEncode(_ ids: [Int]) -> String {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(ids.count * 3)
        var previous = 0
        var scratch = [UInt8](repeating: 0, count: 16)
        for id in ids.sorted() {
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
        var out = ""
        var pendingSpace = false
        var count = 0
        for character in text {
            if character == " " || character == "\n" || character == "\t" {
                pendingSpace = !out.isEmpty
                continue
            }
            if count >= snippetLength {
                let cut = out.lastIndex(of: " ") ?? out.endIndex
                return String(out[..<cut]) + "…"
            }
            if pendingSpace {
                out.append(" ")
                count += 1
                pendingSpace = false
            }
            out.append(character)
            count += 1
        }
        return out
    }

    /// A JSON string literal with markup characters escaped (see `JSONString.quote`).
    static func quote(_ text: String) -> String { JSONString.quote(text, escapingMarkup: true) }
}

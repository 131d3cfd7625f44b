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
        var postings: [String: [Int]] = [:]
        var docCount = 0
        for part in parts {
            for words in part.words {
                for word in words { postings[word, default: []].append(docCount) }
                docCount += 1
            }
        }
        var json = "{\"version\":2,\"pages\":[\n"
        json += parts.map(\.entry).joined(separator: ",\n")
        json += "\n],\"docs\":[\n"
        json += parts.flatMap(\.docs).joined(separator: ",\n")
        json += "\n],\"terms\":{\n"
        json += postings.keys.sorted().map { word in
            quote(word) + ":\"" + deltaEncode(postings[word] ?? []) + "\""
        }.joined(separator: ",\n")
        json += "\n}}\n"
        return json
    }

    private static func part(number: Int, page: Page, rendered: RenderedPage, base: String) -> PagePart {
        var part = PagePart(entry: "[\(quote(base + page.url.dropFirst())),\(quote(page.title))]", docs: [], words: [])
        func add(anchor: String, heading: String, text: String, extra: String) {
            part.docs.append("[\(number),\(quote(anchor)),\(quote(heading)),\(quote(snippet(text)))]")
            var seen: Set<String> = []
            part.words.append(words(extra + " " + heading + " " + text).filter { seen.insert($0).inserted })
        }
        let texts = rendered.sectionTexts
        let intro = (page.description.map { $0 + " " } ?? "") + (texts.first ?? rendered.plainText)
        add(anchor: "", heading: "", text: intro, extra: page.title)
        for (position, heading) in rendered.headings.enumerated() {
            let text = position + 1 < texts.count ? texts[position + 1] : ""
            add(anchor: heading.id, heading: heading.text, text: text, extra: "")
        }
        return part
    }

    /// Lower-case words of letters and digits, two characters or more, without stop words.
    /// Works on Unicode scalars with an ASCII fast path: this runs over every word of the site.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count > 1 {
                let word = String(current)
                if !stopWords.contains(word) { result.append(word) }
            }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    current.append(scalar)
                } else if (0x41...0x5A).contains(value) {
                    current.append(Unicode.Scalar(value + 0x20) ?? scalar)
                } else {
                    flush()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Document ids as gaps in base 36, separated by dots: `[3, 5, 40]` → `3.2.z`.
    static func deltaEncode(_ ids: [Int]) -> String {
        var previous = 0
        return ids.sorted().map { id in
            defer { previous = id }
            return String(id - previous, radix: 36)
        }.joined(separator: ".")
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

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

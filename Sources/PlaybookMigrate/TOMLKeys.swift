internal import PlaybookDiagnostics

/// The few TOML keys a migration needs (`book.toml`, `hugo.toml`): `[table]` headers and
/// one-line `key = value` pairs. Values are kept as text, strings unquoted; arrays, inline tables
/// and multi-line strings are kept as written. Not a TOML parser, and it never fails: a line it
/// does not understand is skipped.
struct TOMLKeys: Sendable {
    /// One key and its value.
    struct Entry: Sendable {
        /// The table the key is in (`book`, `output.html`; `""` at the top).
        var table: String
        /// The key.
        var key: String
        /// The value: a string's text, or anything else as written.
        var value: String
        /// Where the key is written.
        var location: SourceLocation
    }

    /// The keys, in the order written.
    var entries: [Entry] = []
    /// The `[table]` headers, in the order written.
    var tables: [(name: String, location: SourceLocation)] = []

    /// Reads the keys of `text`, positions naming `file`.
    init(_ text: String, file: String) {
        var table = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmed([" ", "\t", "\r"])
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                table = line.trimmed(["[", "]", " "])
                tables.append((table, SourceLocation(file: file, line: index + 1, column: 1)))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmed([" ", "\t", "\"", "'"])
            let value = Self.value(line[line.index(after: equals)...].trimmed([" ", "\t"]))
            let column = raw.distance(from: raw.startIndex, to: raw.firstIndex { $0 != " " && $0 != "\t" } ?? raw.startIndex) + 1
            entries.append(Entry(table: table, key: key, value: value, location: SourceLocation(file: file, line: index + 1, column: column)))
        }
    }

    /// The value of `key` in `table`.
    func value(_ key: String, in table: String = "") -> String? {
        entries.first { $0.table == table && $0.key == key }?.value
    }

    /// A string's text (basic `"…"` with `\"` and `\\`, or literal `'…'`); other values with a
    /// trailing comment removed.
    static func value(_ written: String) -> String {
        if written.hasPrefix("'"), let end = written.dropFirst().firstIndex(of: "'") {
            return String(written[written.index(after: written.startIndex)..<end])
        }
        if written.hasPrefix("\"") {
            var text = ""
            var escaped = false
            for character in written.dropFirst() {
                if escaped {
                    text.append(character == "n" ? "\n" : character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    return text
                } else {
                    text.append(character)
                }
            }
            return text
        }
        let beforeComment = written.split(separator: "#", maxSplits: 1).first.map(String.init) ?? written
        return beforeComment.trimmed([" ", "\t"])
    }
}

extension Substring {
    /// The text with `characters` removed from both ends.
    func trimmed(_ characters: Set<Character>) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}

extension String {
    /// The text with `characters` removed from both ends.
    func trimmed(_ characters: Set<Character>) -> String {
        Substring(self).trimmed(characters)
    }
}

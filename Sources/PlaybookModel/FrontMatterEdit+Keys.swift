public import PlaybookDiagnostics

extension FrontMatterEdit {
    /// `text` as a YAML scalar that reads back as the same text: plain when it can be, else
    /// double-quoted.
    public static func written(_ text: String) -> String { FrontMatterLine.scalar(text) }

    /// Renames the top-level key `key` to `newKey` by rewriting the key on its line only, so its
    /// value (one line or a block below it) and every other byte stay as they were.
    ///
    /// - Returns: the outcome (unchanged bytes and no changes when the file has no `key`), or a
    ///   positioned error when `newKey` is already there, the key is not written plainly at the
    ///   start of its line, or the front matter would read differently but for the key's name.
    public static func renaming(_ key: String, to newKey: String, in bytes: [UInt8], file: String) -> Result<Outcome, Diagnostic> {
        let parsed: Parsed
        switch parse(bytes, file: file) {
        case .failure(let problem): return .failure(problem)
        case .success(nil): return .success(Outcome(bytes: bytes, changes: [], addedFrontMatter: false))
        case .success(let found?): parsed = found
        }
        guard let pair = parsed.pairs.first(where: { $0.key.scalarText == key }) else {
            return .success(Outcome(bytes: bytes, changes: [], addedFrontMatter: false))
        }
        if parsed.pairs.contains(where: { $0.key.scalarText == newKey }) {
            return .failure(.error("migrate/edit", at: pair.key.location, "'\(key):' cannot become '\(newKey):', which is already there", hint: "merge the two keys by hand"))
        }
        let lines = ByteLines(bytes)
        let line = lines.line(pair.key.location.line)
        let rest = line.dropFirst(key.utf8.count)
        guard line.starts(with: key.utf8), rest.first == UInt8(ascii: ":") || rest.first == UInt8(ascii: " ") else {
            return .failure(.error("migrate/edit", at: pair.key.location, "'\(key):' is not written plainly at the start of its line", hint: "rename it to '\(newKey):' by hand"))
        }
        let result = lines.replacing(line: pair.key.location.line, with: Array(newKey.utf8) + rest)
        guard case .success(let after?) = parse(result, file: file),
            after.pairs.map({ $0.key.scalarText == newKey ? key : $0.key.scalarText }) == parsed.pairs.map(\.key.scalarText),
            zip(after.pairs, parsed.pairs).allSatisfy({ sameShape($0.value, $1.value) })
        else {
            return .failure(.error("migrate/edit", at: pair.key.location, "renaming '\(key):' here would change more than its name", hint: "rename it to '\(newKey):' by hand"))
        }
        return .success(Outcome(bytes: result, changes: [Change(key: newKey, old: key, new: newKey)], addedFrontMatter: false))
    }

    /// Sets the top-level key `key` to a list of names written on one line (`order: [a.md, b/]`),
    /// added as the last line of the front matter (or in a new front matter).
    ///
    /// - Returns: the outcome (no changes when the key already lists the same names), or a
    ///   positioned error when the key is there with another value: it is left for a person.
    public static func setting(_ key: String, list: [String], in bytes: [UInt8], file: String) -> Result<Outcome, Diagnostic> {
        setting(key, list: list, in: bytes, file: file, line: "\(key): [" + list.map { FrontMatterLine.scalar($0) }.joined(separator: ", ") + "]")
    }

    /// Adds `line` for `key` (a list, or a flag when `list` is empty and the key is missing).
    private static func setting(_ key: String, list: [String], in bytes: [UInt8], file: String, line: String) -> Result<Outcome, Diagnostic> {
        let change = Change(key: key, old: nil, new: list.joined(separator: ", "))
        let parsed: Parsed
        switch parse(bytes, file: file) {
        case .failure(let problem): return .failure(problem)
        case .success(nil): return .success(Outcome(bytes: addingFrontMatter(line: line, to: bytes), changes: [change], addedFrontMatter: true))
        case .success(let found?): parsed = found
        }
        if let pair = parsed.pairs.first(where: { $0.key.scalarText == key }) {
            if pair.value.sequence?.map(\.scalarText) == list { return .success(Outcome(bytes: bytes, changes: [], addedFrontMatter: false)) }
            return .failure(.error("migrate/edit", at: pair.key.location, "'\(key):' is already set to something else; it was left as it is", hint: "set '\(line)' by hand if it should change"))
        }
        let lines = ByteLines(bytes)
        let closing = parsed.closingLine
        let result = lines.replacing(line: closing, with: Array(line.utf8) + lines.ending(of: 1) + lines.line(closing))
        return .success(Outcome(bytes: result, changes: [change], addedFrontMatter: false))
    }

    /// Sets the top-level key `key` to `true` or `false` (not the text "true"): its value replaced on
    /// its line, or a line added at the end of the front matter.
    ///
    /// - Returns: the outcome, or a positioned error when the key's value is not on its line.
    public static func setting(_ key: String, flag: Bool, in bytes: [UInt8], file: String) -> Result<Outcome, Diagnostic> {
        let written = flag ? "true" : "false"
        guard case .success(let parsed?) = parse(bytes, file: file),
            let pair = parsed.pairs.first(where: { $0.key.scalarText == key })
        else { return setting(key, list: [], in: bytes, file: file, line: "\(key): \(written)") }
        if pair.value.bool == flag { return .success(Outcome(bytes: bytes, changes: [], addedFrontMatter: false)) }
        let lines = ByteLines(bytes)
        let number = pair.key.location.line
        guard pair.value.location.line == number, let line = FrontMatterLine.replacingValue(in: lines.line(number), with: written) else {
            return .failure(.error("migrate/edit", at: pair.key.location, "'\(key):' is not written as one 'key: value' line", hint: "set '\(key): \(written)' by hand"))
        }
        let result = lines.replacing(line: number, with: line)
        guard case .success(let after?) = parse(result, file: file), after.pairs.first(where: { $0.key.scalarText == key })?.value.bool == flag else {
            return .failure(.error("migrate/edit", at: pair.key.location, "setting '\(key):' here would change more than its value", hint: "set '\(key): \(written)' by hand"))
        }
        return .success(Outcome(bytes: result, changes: [Change(key: key, old: pair.value.scalarText, new: written)], addedFrontMatter: false))
    }

    /// True when two nodes hold the same values, wherever they are.
    static func sameShape(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        if let x = a.sequence, let y = b.sequence { return x.count == y.count && zip(x, y).allSatisfy { sameShape($0, $1) } }
        if let x = a.mapping, let y = b.mapping {
            return x.count == y.count && zip(x, y).allSatisfy { sameShape($0.key, $1.key) && sameShape($0.value, $1.value) }
        }
        return a.sequence == nil && b.sequence == nil && a.mapping == nil && b.mapping == nil
            && a.scalarText == b.scalarText && a.isNull == b.isNull
    }
}

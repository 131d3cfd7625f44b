public import PlaybookDiagnostics

/// Sets top-level keys of a Markdown file's front matter by rewriting one line each, so that
/// every other byte of the file stays as it was: other keys, their quoting and order, comments,
/// blank lines, a byte-order mark and CRLF line endings. What `playbook review` writes.
///
/// Each edit is checked by reading the front matter again: when anything but the key's value
/// would read differently, the file is left alone and the edit is an error.
public enum FrontMatterEdit {
    /// A key the edit set: what it said before and what it says now.
    public struct Change: Sendable, Hashable {
        /// The key, such as `reviewed`.
        public var key: String
        /// The value before, as YAML read it; `nil` when the key was not there.
        public var old: String?
        /// The value now.
        public var new: String

        /// Creates a change.
        public init(key: String, old: String?, new: String) {
            self.key = key
            self.old = old
            self.new = new
        }
    }

    /// The file after the edit.
    public struct Outcome: Sendable, Hashable {
        /// The file's new bytes (the same bytes when nothing changed).
        public var bytes: [UInt8]
        /// The keys whose value changed, in the order asked; empty when the file already said so.
        public var changes: [Change]
        /// True when the file had no front matter and was given one.
        public var addedFrontMatter: Bool
    }

    /// Sets each key to its value in the front matter of `bytes`: a key that is there has its
    /// value replaced on its line; a key that is not is added as the last line of the front
    /// matter; a file without front matter gets one holding the keys, before its first byte
    /// (after a byte-order mark). New lines end as the file's lines do (`\r\n` or `\n`).
    ///
    /// - Parameters:
    ///   - values: the keys and their values as text (written as YAML here, quoted when needed).
    ///   - bytes: the file.
    ///   - file: the path positions name.
    /// - Returns: the outcome, or a positioned error when the file is not UTF-8 text, its front
    ///   matter does not close or parse or is not a mapping, or a key's value is written over
    ///   several lines (a block or a multi-line scalar) and cannot be rewritten as one line.
    public static func setting(
        _ values: [(key: String, value: String)], in bytes: [UInt8], file: String
    ) -> Result<Outcome, Diagnostic> {
        var current = bytes
        var changes: [Change] = []
        var added = false
        for (key, value) in values {
            switch setting(key, to: value, in: current, file: file) {
            case .failure(let problem): return .failure(problem)
            case .success(let step):
                current = step.bytes
                changes += step.changes
                added = added || step.addedFrontMatter
            }
        }
        return .success(Outcome(bytes: current, changes: changes, addedFrontMatter: added))
    }

    /// The front matter of a file as this edit sees it: the parsed pairs and where the fences are.
    struct Parsed {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        /// The 1-based line of the closing fence.
        var closingLine: Int
    }

    /// Reads the front matter of `bytes`: `nil` when the file has none.
    static func parse(_ bytes: [UInt8], file: String) -> Result<Parsed?, Diagnostic> {
        let text: String
        switch SourceText.decode(bytes, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let problem): return .failure(problem)
        }
        let split: FrontMatter
        switch FrontMatter.split(text, file: file) {
        case .success(let value): split = value
        case .failure(let problem): return .failure(problem)
        }
        guard let yaml = split.yaml else { return .success(nil) }
        switch YAMLParser.parse(yaml, file: file, lineOffset: 1) {
        case .failure(let problem): return .failure(problem)
        case .success(nil): return .success(Parsed(pairs: [], closingLine: split.bodyLineOffset))
        case .success(let root?):
            guard let pairs = root.mapping else {
                return .failure(
                    .error(
                        "frontmatter/not-mapping", at: root.location,
                        "the front matter must be a mapping of keys to values, not \(root.kindDescription)",
                        hint: "write it as 'key: value' lines"))
            }
            return .success(Parsed(pairs: pairs, closingLine: split.bodyLineOffset))
        }
    }

    private static func setting(_ key: String, to value: String, in bytes: [UInt8], file: String) -> Result<Outcome, Diagnostic> {
        let parsed: Parsed
        switch parse(bytes, file: file) {
        case .failure(let problem): return .failure(problem)
        case .success(nil):
            let result = addingFrontMatter(line: "\(key): \(FrontMatterLine.scalar(value))", to: bytes)
            return .success(Outcome(bytes: result, changes: [Change(key: key, old: nil, new: value)], addedFrontMatter: true))
        case .success(let found?): parsed = found
        }
        let lines = ByteLines(bytes)
        let written = FrontMatterLine.scalar(value)
        var result: [UInt8]
        let pair = parsed.pairs.first { $0.key.scalarText == key }
        if let pair {
            if pair.value.scalarText == value { return .success(Outcome(bytes: bytes, changes: [], addedFrontMatter: false)) }
            let number = pair.key.location.line
            guard pair.value.location.line == number, !lines.continues(after: number, before: parsed.closingLine),
                let line = FrontMatterLine.replacingValue(in: lines.line(number), with: written)
            else { return .failure(severalLines(key, at: pair.key.location)) }
            result = lines.replacing(line: number, with: line)
        } else {
            let newLine = Array("\(key): \(written)".utf8) + lines.ending(of: 1)
            result = lines.replacing(line: parsed.closingLine, with: newLine + lines.line(parsed.closingLine))
        }
        let location = pair?.key.location ?? SourceLocation(file: file, line: parsed.closingLine, column: 1)
        guard verify(result, file: file, key: key, value: value, before: parsed.pairs) else {
            return .failure(
                .error(
                    "review/edit", at: location,
                    "setting '\(key):' here would change more of the front matter than that line",
                    hint: "set '\(key): \(written)' by hand"))
        }
        return .success(Outcome(bytes: result, changes: [Change(key: key, old: pair?.value.scalarText, new: value)], addedFrontMatter: false))
    }

    /// True when the edited file reads as before but for `key`, which now reads `value`.
    private static func verify(
        _ bytes: [UInt8], file: String, key: String, value: String, before: [(key: YAMLNode, value: YAMLNode)]
    ) -> Bool {
        guard case .success(let parsed?) = parse(bytes, file: file) else { return false }
        let others = { (pairs: [(key: YAMLNode, value: YAMLNode)]) in pairs.filter { $0.key.scalarText != key } }
        let (old, new) = (others(before), others(parsed.pairs))
        guard old.count == new.count, zip(old, new).allSatisfy({ $0.key == $1.key && $0.value == $1.value }) else { return false }
        let edited = parsed.pairs.filter { $0.key.scalarText == key }
        return edited.count == 1 && edited[0].value.scalarText == value
    }

    /// A front matter holding `line` (`key: value`), then the file's bytes (after a byte-order
    /// mark, if any).
    static func addingFrontMatter(line: String, to bytes: [UInt8]) -> [UInt8] {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let hasBOM = bytes.starts(with: bom)
        let rest = hasBOM ? Array(bytes.dropFirst(3)) : bytes
        let lines = ByteLines(rest)
        let ending = lines.count > 0 && !lines.ending(of: 1).isEmpty ? lines.ending(of: 1) : Array("\n".utf8)
        let block = ["---", line, "---"].flatMap { Array($0.utf8) + ending }
        return (hasBOM ? bom : []) + block + rest
    }

    private static func severalLines(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "review/edit", at: location,
            "'\(key):' is not written as one 'key: value' line (it goes on over several lines, or sits inside { }), and playbook review rewrites one line only",
            hint: "write '\(key): value' on one line, then run playbook review again")
    }
}

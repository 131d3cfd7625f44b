public import PlaybookDiagnostics
internal import Yams

/// Parses YAML text into `YAMLNode`s whose positions are positions in the file.
public enum YAMLParser {
    /// Parses one YAML document.
    ///
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the path to report in positions.
    ///   - lineOffset: how many lines of the file come before `text` (the front matter's `---`).
    /// - Returns: the root node (`nil` for an empty document), or the syntax error as a
    ///   diagnostic with code `yaml/syntax`.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) -> Result<
        YAMLNode?, Diagnostic
    > {
        if let line = aliasKeyLine(text) {
            return .failure(
                .error(
                    "yaml/alias-key", at: SourceLocation(file: file, line: lineOffset + line, column: 1),
                    "an alias ('*name') is used as a key, or inside a '?' key; keys must be written out",
                    hint: "write the key as text instead of repeating an anchored value"))
        }
        do {
            // No regex rules: plain scalars are resolved by YAMLScalarResolver (same rules, faster).
            // UTF-8 named outright: the default reads the process environment on every call.
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .success(nil) }
            // Aliases (`*name`) repeat a value without repeating its text, so a few lines can stand
            // for billions of values. Without aliases a document has fewer values than twice its
            // bytes; past that (and a small floor) the conversion stops instead of hanging.
            var budget = 2 * text.utf8.count + 1_000
            return .success(try convert(root, file: file, lineOffset: lineOffset, budget: &budget))
        } catch is TooManyValues {
            return .failure(
                .error(
                    "yaml/too-large", at: SourceLocation(file: file, line: lineOffset + 1),
                    "the YAML expands to far more values than it has text, through aliases ('*name')",
                    hint: "write the values out instead of repeating them through anchors and aliases"))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(
                .error(
                    "yaml/syntax", at: SourceLocation(file: file, line: lineOffset + 1),
                    "the YAML could not be read: \(error)"))
        }
    }

    /// The 1-based line of the first key that is (or holds) an alias, when the text has anchors.
    ///
    /// The YAML reader compares keys to find duplicates, and comparing a key that an alias
    /// expands to billions of values never ends; such keys are refused before reading.
    private static func aliasKeyLine(_ text: String) -> Int? {
        guard text.utf8.contains(UInt8(ascii: "&")), text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            // An explicit key (`? …`, also `?*name` in a flow list) may hold an alias on any line.
            if hasKeyIndicator(line) { return number }
            guard line.contains("*") else { continue }
            // `*name :` and `*name:` (block keys), and flow keys such as `{*name: x}` or `[*name: x]`.
            var rest = Substring(line)
            while let star = rest.firstIndex(of: "*") {
                let before = line[..<star]
                let quoted =
                    before.filter { $0 == "\"" }.count % 2 == 1 || before.filter { $0 == "'" }.count % 2 == 1
                let afterStar = rest[rest.index(after: star)...]
                // The YAML reader's anchor names are letters, digits, '-' and '_'.
                let name = afterStar.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                let tail = afterStar.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
                if !quoted, !name.isEmpty, tail.hasPrefix(":") { return number }
                rest = afterStar
            }
        }
        return nil
    }

    /// True when `line` has a `?` outside quotes that YAML may read as an explicit key: after the
    /// start, white space, `-`, `[`, `{` or `,`, and before the end, white space or a value.
    private static func hasKeyIndicator(_ line: Substring) -> Bool {
        var previous: Character = " "
        var quote: Character?
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            let next = line.index(after: index)
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "?", " \t-[{,".contains(previous) {
                let following: Character = next < line.endIndex ? line[next] : " "
                if " \t*&[{!".contains(following) { return true }
            } else if character == "#", previous == " " {
                return false
            }
            previous = character
            index = next
        }
        return false
    }

    /// Thrown by `convert` when a document expands to more values than its budget.
    private struct TooManyValues: Error {}

    private static func convert(_ node: Node, file: String, lineOffset: Int, budget: inout Int) throws -> YAMLNode {
        budget -= 1
        if budget < 0 { throw TooManyValues() }
        let location = position(node.mark, file: file, lineOffset: lineOffset)
        switch node {
        case .scalar(let scalar):
            // The tag as written: "" for a plain scalar, "!" for a quoted one, else explicit
            // (or already resolved, as str, when Yams hashed a mapping key).
            let written = scalar.tag.description
            let kind: YAMLNode.ScalarKind =
                written.isEmpty ? YAMLScalarResolver.kind(ofPlain: scalar.string)
                : written == "!" ? .string : kind(of: written)
            return .scalar(scalar.string, kind, location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                items.append(try convert(item, file: file, lineOffset: lineOffset, budget: &budget))
            }
            return .sequence(items, location)
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                pairs.append(
                    (
                        key: try convert(key, file: file, lineOffset: lineOffset, budget: &budget),
                        value: try convert(value, file: file, lineOffset: lineOffset, budget: &budget)
                    ))
            }
            return .mapping(pairs, location)
        case .alias:
            return .scalar("", .null, location)
        }
    }

    /// The kind of a scalar from its resolved tag (quoted scalars resolve to strings).
    private static func kind(of tag: String) -> YAMLNode.ScalarKind {
        switch tag {
        case Tag.Name.null.rawValue: .null
        case Tag.Name.bool.rawValue: .bool
        case Tag.Name.int.rawValue: .int
        case Tag.Name.float.rawValue: .float
        case Tag.Name.timestamp.rawValue: .timestamp
        default: .string
        }
    }

    private static func position(_ mark: Mark?, file: String, lineOffset: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int)
        -> Diagnostic
    {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message = "\(problem) (\(context.text))" }
            return .error(
                "yaml/syntax", at: position(mark, file: file, lineOffset: lineOffset),
                "invalid YAML: \(message)",
                hint: "check indentation and quoting on this line or the one before it")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                "yaml/duplicate-key",
                at: position(context.mark, file: file, lineOffset: lineOffset),
                "the key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appears more than once",
                hint: "keep one of them")
        case .reader(let problem, _, _, _):
            return .error(
                "yaml/syntax", at: SourceLocation(file: file, line: lineOffset + 1),
                "invalid YAML: \(problem)")
        default:
            return .error(
                "yaml/syntax", at: SourceLocation(file: file, line: lineOffset + 1),
                "invalid YAML: \(error)")
        }
    }
}

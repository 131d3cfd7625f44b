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
        do {
            // No regex rules: plain scalars are resolved by YAMLScalarResolver (same rules, faster).
            // UTF-8 named outright: the default reads the process environment on every call.
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .success(nil) }
            return .success(convert(root, file: file, lineOffset: lineOffset))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(
                .error(
                    "yaml/syntax", at: SourceLocation(file: file, line: lineOffset + 1),
                    "the YAML could not be read: \(error)"))
        }
    }

    private static func convert(_ node: Node, file: String, lineOffset: Int) -> YAMLNode {
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
            return .sequence(
                sequence.map { convert($0, file: file, lineOffset: lineOffset) }, location)
        case .mapping(let mapping):
            return .mapping(
                mapping.map {
                    (
                        key: convert($0.key, file: file, lineOffset: lineOffset),
                        value: convert($0.value, file: file, lineOffset: lineOffset)
                    )
                }, location)
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

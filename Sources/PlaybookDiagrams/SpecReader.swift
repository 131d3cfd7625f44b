internal import PlaybookDiagnostics
internal import PlaybookModel

/// Reads the fields of one diagram spec (a YAML mapping), collecting a positioned diagnostic for
/// every problem: a missing field is reported at the fence, a wrong value at the value itself.
/// Unknown keys and wrong types go through PlaybookModel's `FieldReader`, named in the
/// `diagram` vocabulary (`diagram/unknown-key` warnings, `diagram/invalid` errors).
struct SpecReader {
    /// The fence's opening line, where problems of the spec as a whole are reported.
    let fence: SourceLocation
    /// The spec's kind, for messages: `cycle`.
    let kind: String
    /// Every problem so far.
    var problems: [Diagnostic] { reader.problems }
    private var reader: FieldReader
    private let pairs: [(key: YAMLNode, value: YAMLNode)]

    /// Creates a reader of the top-level `pairs` of a spec of `kind`.
    init(pairs: [(key: YAMLNode, value: YAMLNode)], kind: String, fence: SourceLocation) {
        self.pairs = pairs
        self.kind = kind
        self.fence = fence
        reader = FieldReader(file: fence.file, vocabulary: .diagram)
    }

    /// The value under `key`, if the spec has it and it is not empty.
    func value(_ key: String) -> YAMLNode? {
        guard let value = pairs.first(where: { $0.key.scalarText == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The text under `key`; `nil` with an error when it is required and missing, or not text.
    mutating func text(_ key: String, required: Bool, hint: String? = nil) -> String? {
        guard let node = value(key) else {
            if required { missing(key, hint: hint) }
            return nil
        }
        return label(node, field: key)
    }

    /// The entries of the list under `key`; `nil` with an error when it is required and missing,
    /// or not a list.
    mutating func list(_ key: String, required: Bool, hint: String? = nil) -> [YAMLNode]? {
        guard let node = value(key) else {
            if required { missing(key, hint: hint) }
            return nil
        }
        guard let items = node.sequence else {
            reader.wrongType(node, key: key, expected: "a list", hint: hint)
            return nil
        }
        return items
    }

    /// The list of labels under `key`, each checked to be non-empty text.
    mutating func labels(_ key: String, required: Bool, count range: ClosedRange<Int>, hint: String? = nil) -> [String]? {
        guard let items = list(key, required: required, hint: hint) else { return nil }
        let labels = items.compactMap { label($0, field: key) }
        guard labels.count == items.count else { return nil }
        if !range.contains(labels.count), let node = value(key) {
            error(at: node.location, "'\(key)' has \(labels.count) \(labels.count == 1 ? "entry" : "entries"); a \(kind) diagram draws \(range.lowerBound) to \(range.upperBound)", hint: hint)
            return nil
        }
        return labels
    }

    /// A scalar used as a label: non-empty text (numbers and dates count as text).
    mutating func label(_ node: YAMLNode, field: String) -> String? {
        guard let text = node.scalarText else {
            let quote = node.sequence != nil || node.mapping != nil ? "quote the value if it contains ': ' or starts with '[' or '{'" : nil
            reader.wrongType(node, key: field, expected: "text", hint: quote)
            return nil
        }
        let normalized = TextMetrics.normalize(text)
        if normalized.isEmpty {
            error(at: node.location, "'\(field)' is empty", hint: "write the label, or remove the entry")
            return nil
        }
        return normalized
    }

    /// Warns about each top-level key not in `known`, with a "did you mean" hint (or `hint`, or
    /// the list of known keys, when no key is close).
    mutating func checkKeys(known: [String], hint: String? = nil) {
        reader.checkKeys(pairs, known: known, in: "a \(kind) diagram", fallbackHint: hint)
    }

    /// Warns about a key of an entry (or of the spec) that is not in `known`.
    mutating func unknownKey(_ key: YAMLNode, known: [String], in context: String, hint: String? = nil) {
        reader.unknownKey(key, known: known, in: context, fallbackHint: hint)
    }

    /// Records an error about a value of the wrong type: `'key' must be <expected>, not <kind>`.
    mutating func wrongType(_ node: YAMLNode, key: String, expected: String, hint: String? = nil) {
        reader.wrongType(node, key: key, expected: expected, hint: hint)
    }

    /// Records an error about the spec.
    mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        reader.error(FieldReader.Vocabulary.diagram.typeCode, at: location, message, hint: hint)
    }

    private mutating func missing(_ key: String, hint: String?) {
        error(at: fence, "the \(kind) diagram has no '\(key)'", hint: hint)
    }
}

extension FieldReader.Vocabulary {
    /// Diagram specs: unknown keys are `diagram/unknown-key` warnings, every other problem a
    /// `diagram/invalid` error.
    static let diagram = FieldReader.Vocabulary(
        unknownKeyCode: "diagram/unknown-key", unknownKeySeverity: .warning, unknownKeySuffix: "; it is ignored",
        typeCode: "diagram/invalid", valueCode: "diagram/invalid")
}

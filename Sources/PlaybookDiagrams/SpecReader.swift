internal import PlaybookDiagnostics
internal import PlaybookModel

/// Reads the fields of one diagram spec (a YAML mapping), collecting a positioned diagnostic for
/// every problem: a missing field is reported at the fence, a wrong value at the value itself.
struct SpecReader {
    /// The fence's opening line, where problems of the spec as a whole are reported.
    let fence: SourceLocation
    /// The spec's kind, for messages: `cycle`.
    let kind: String
    /// Every problem so far.
    private(set) var problems: [Diagnostic] = []
    private let pairs: [(key: YAMLNode, value: YAMLNode)]

    /// Creates a reader of the top-level `pairs` of a spec of `kind`.
    init(pairs: [(key: YAMLNode, value: YAMLNode)], kind: String, fence: SourceLocation) {
        self.pairs = pairs
        self.kind = kind
        self.fence = fence
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
            error(at: node.location, "'\(key)' must be a list, not \(node.kindDescription)", hint: hint)
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
            error(at: node.location, "'\(field)' must be text, not \(node.kindDescription)", hint: node.sequence != nil || node.mapping != nil ? "quote the value if it contains ': ' or starts with '[' or '{'" : nil)
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
        for (key, _) in pairs {
            let name = key.scalarText ?? "?"
            if !known.contains(name) { unknownKey(key, known: known, in: "a \(kind) diagram", hint: hint) }
        }
    }

    /// Warns about a key of an entry (or of the spec) that is not in `known`.
    mutating func unknownKey(_ key: YAMLNode, known: [String], in context: String, hint: String? = nil) {
        let name = key.scalarText ?? "?"
        problems.append(
            .warning(
                "diagram/unknown-key", at: key.location, "unknown key '\(name)' in \(context); it is ignored",
                hint: Suggestions.didYouMean(name, in: known) ?? hint ?? "known keys: \(known.joined(separator: ", "))"))
    }

    /// Records an error about the spec.
    mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        problems.append(.error("diagram/invalid", at: location, message, hint: hint))
    }

    private mutating func missing(_ key: String, hint: String?) {
        error(at: fence, "the \(kind) diagram has no '\(key)'", hint: hint)
    }
}

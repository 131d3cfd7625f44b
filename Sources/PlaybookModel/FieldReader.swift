public import PlaybookDiagnostics

/// Reads typed values out of YAML nodes, collecting a positioned error for each wrong type.
public struct FieldReader: Sendable {
    /// The file the nodes came from.
    public let file: String
    /// Every problem found so far.
    public private(set) var problems: [Diagnostic] = []

    /// Creates a reader for nodes of `file`.
    public init(file: String) { self.file = file }

    /// The value as text, or `nil` (with an error) when it is a list or mapping.
    public mutating func string(_ node: YAMLNode, key: String) -> String? {
        if node.isNull { return nil }
        if let text = node.scalarText { return text }
        typeError(node, key: key, expected: "text")
        return nil
    }

    /// The value as a whole number, or `nil` (with an error).
    public mutating func int(_ node: YAMLNode, key: String) -> Int? {
        if node.isNull { return nil }
        if let value = node.int { return value }
        typeError(node, key: key, expected: "a whole number")
        return nil
    }

    /// The value as true/false, or `nil` (with an error).
    public mutating func bool(_ node: YAMLNode, key: String) -> Bool? {
        if node.isNull { return nil }
        if let value = node.bool { return value }
        typeError(node, key: key, expected: "true or false")
        return nil
    }

    /// The value as a list of text (a single text value counts as a list of one).
    public mutating func strings(_ node: YAMLNode, key: String) -> [String] {
        if node.isNull { return [] }
        if let text = node.scalarText { return [text] }
        guard let items = node.sequence else {
            typeError(node, key: key, expected: "a list of text")
            return []
        }
        return items.compactMap { string($0, key: key) }
    }

    /// The value's pairs, or none (with an error) when it is not a mapping.
    public mutating func mapping(_ node: YAMLNode, key: String) -> [(key: YAMLNode, value: YAMLNode)] {
        if node.isNull { return [] }
        guard let pairs = node.mapping else {
            typeError(node, key: key, expected: "a mapping of keys to values")
            return []
        }
        return pairs
    }

    /// The value as one of an enumeration's raw values, or `nil` (with an error naming the
    /// choices and the nearest one).
    public mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, key: String, from _: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let text = string(node, key: key) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let choices = Choice.allCases.map(\.rawValue)
        problems.append(
            .error(
                "field/value", at: node.location,
                "'\(key)' must be one of \(choices.map { "'\($0)'" }.joined(separator: ", ")), not '\(text)'",
                hint: Suggestions.didYouMean(text, in: choices)))
        return nil
    }

    /// Records a warning for a key that is not in `known`, with a "did you mean" hint.
    public mutating func unknownKey(_ keyNode: YAMLNode, known: [String], in context: String) {
        let key = keyNode.scalarText ?? "?"
        problems.append(
            .warning(
                "field/unknown-key", at: keyNode.location,
                "unknown key '\(key)' in \(context); it is ignored",
                hint: Suggestions.didYouMean(key, in: known)
                    ?? "known keys: \(known.joined(separator: ", "))"))
    }

    /// Records an error of the given code at `node`.
    public mutating func error(_ code: String, at node: YAMLNode, _ message: String, hint: String? = nil) {
        problems.append(.error(code, at: node.location, message, hint: hint))
    }

    private mutating func typeError(_ node: YAMLNode, key: String, expected: String) {
        problems.append(
            .error(
                "field/type", at: node.location,
                "'\(key)' must be \(expected), not \(node.kindDescription)"))
    }
}

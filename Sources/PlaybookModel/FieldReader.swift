public import PlaybookDiagnostics

/// Reads positioned YAML nodes: typed values with a positioned error for each wrong type, and
/// a mapping's keys with a warning (or error) for each unknown one, with a "did you mean" hint.
///
/// The one reader of YAML fields: front matter, `playbook.yml` and its `lint:` section,
/// `framework.yml` and diagram specs read through it, and plans word their unknown keys and wrong
/// types with its `unknownKeyMessage`, `unknownKeyHint` and `typeMessage`. Each names its
/// problems with its own `Vocabulary`.
public struct FieldReader: Sendable {
    /// How a reader names its problems: the codes, and how an unknown key is reported.
    public struct Vocabulary: Sendable {
        /// The code of an unknown key.
        public var unknownKeyCode: String
        /// How serious an unknown key is.
        public var unknownKeySeverity: Severity
        /// Written after "unknown key 'x' in …" (`; it is ignored`), or nothing.
        public var unknownKeySuffix: String
        /// The code of a value of the wrong type.
        public var typeCode: String
        /// The code of a value that is not one of the choices.
        public var valueCode: String

        /// Creates a vocabulary.
        public init(
            unknownKeyCode: String, unknownKeySeverity: Severity, unknownKeySuffix: String, typeCode: String,
            valueCode: String
        ) {
            self.unknownKeyCode = unknownKeyCode
            self.unknownKeySeverity = unknownKeySeverity
            self.unknownKeySuffix = unknownKeySuffix
            self.typeCode = typeCode
            self.valueCode = valueCode
        }

        /// Front matter, `playbook.yml` and `framework.yml`: `field/…`, unknown keys warned about.
        public static let fields = Vocabulary(
            unknownKeyCode: "field/unknown-key", unknownKeySeverity: .warning, unknownKeySuffix: "; it is ignored",
            typeCode: "field/type", valueCode: "field/value")
    }

    /// The file the nodes came from.
    public let file: String
    /// How problems are named.
    public let vocabulary: Vocabulary
    /// Every problem found so far.
    public private(set) var problems: [Diagnostic] = []

    /// Creates a reader for nodes of `file`, naming its problems with `vocabulary`.
    public init(file: String, vocabulary: Vocabulary = .fields) {
        self.file = file
        self.vocabulary = vocabulary
    }

    /// The value as text, or `nil` (with an error) when it is a list or mapping.
    public mutating func string(_ node: YAMLNode, key: String) -> String? {
        if node.isNull { return nil }
        if let text = node.scalarText { return text }
        wrongType(node, key: key, expected: "text")
        return nil
    }

    /// The value as a whole number, or `nil` (with an error).
    public mutating func int(_ node: YAMLNode, key: String) -> Int? {
        if node.isNull { return nil }
        if let value = node.int { return value }
        wrongType(node, key: key, expected: "a whole number")
        return nil
    }

    /// The value as true/false, or `nil` (with an error).
    public mutating func bool(_ node: YAMLNode, key: String) -> Bool? {
        if node.isNull { return nil }
        if let value = node.bool { return value }
        wrongType(node, key: key, expected: "true or false")
        return nil
    }

    /// The value as a list of text (a single text value counts as a list of one).
    public mutating func strings(_ node: YAMLNode, key: String) -> [String] {
        if node.isNull { return [] }
        if let text = node.scalarText { return [text] }
        guard let items = node.sequence else {
            wrongType(node, key: key, expected: "a list of text")
            return []
        }
        return items.compactMap { string($0, key: key) }
    }

    /// The value's pairs, or none (with an error) when it is not a mapping.
    public mutating func mapping(_ node: YAMLNode, key: String) -> [(key: YAMLNode, value: YAMLNode)] {
        if node.isNull { return [] }
        guard let pairs = node.mapping else {
            wrongType(node, key: key, expected: "a mapping of keys to values")
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
                vocabulary.valueCode, at: node.location,
                "'\(key)' must be one of \(choices.map { "'\($0)'" }.joined(separator: ", ")), not '\(text)'",
                hint: Suggestions.didYouMean(text, in: choices)))
        return nil
    }

    /// Records a problem for a key that is not in `known` (a warning, with the `fields`
    /// vocabulary), hinting at the nearest known key, else `fallbackHint`, else the known keys.
    ///
    /// - Parameter noun: what the keys are, for the message and the list: `key`, `limit`.
    public mutating func unknownKey(
        _ keyNode: YAMLNode, known: [String], in context: String, noun: String = "key", fallbackHint: String? = nil
    ) {
        let key = keyNode.scalarText ?? "?"
        problems.append(
            Diagnostic(
                vocabulary.unknownKeySeverity, code: vocabulary.unknownKeyCode, at: keyNode.location,
                Self.unknownKeyMessage(key, in: context, noun: noun) + vocabulary.unknownKeySuffix,
                hint: Self.unknownKeyHint(key, known: known, noun: noun, fallback: fallbackHint)))
    }

    /// Records a problem for each key of `pairs` that is not in `known`, as `unknownKey` does.
    public mutating func checkKeys(
        _ pairs: [(key: YAMLNode, value: YAMLNode)], known: [String], in context: String, fallbackHint: String? = nil
    ) {
        for (key, _) in pairs where !known.contains(key.scalarText ?? "?") {
            unknownKey(key, known: known, in: context, fallbackHint: fallbackHint)
        }
    }

    /// Records an error with the vocabulary's type code: `'key' must be <expected>, not <kind>`.
    public mutating func wrongType(_ node: YAMLNode, key: String, expected: String, hint: String? = nil) {
        problems.append(
            .error(vocabulary.typeCode, at: node.location, Self.typeMessage(node, key: key, expected: expected), hint: hint))
    }

    /// Records an error of the given code at `node`.
    public mutating func error(_ code: String, at node: YAMLNode, _ message: String, hint: String? = nil) {
        problems.append(.error(code, at: node.location, message, hint: hint))
    }

    /// Records an error of the given code at `location`.
    public mutating func error(_ code: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        problems.append(.error(code, at: location, message, hint: hint))
    }

    /// `unknown key 'name' in context` (with `noun` for "key").
    public static func unknownKeyMessage(_ name: String, in context: String, noun: String = "key") -> String {
        "unknown \(noun) '\(name)' in \(context)"
    }

    /// The nearest known key ("did you mean …"), else `fallback`, else `known nouns: a, b, c`.
    public static func unknownKeyHint(_ name: String, known: [String], noun: String = "key", fallback: String? = nil) -> String {
        Suggestions.didYouMean(name, in: known) ?? fallback ?? "known \(noun)s: \(known.joined(separator: ", "))"
    }

    /// `'key' must be <expected>, not <the node's kind>`.
    public static func typeMessage(_ node: YAMLNode, key: String, expected: String) -> String {
        "'\(key)' must be \(expected), not \(node.kindDescription)"
    }
}

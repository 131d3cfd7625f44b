public import PlaybookDiagnostics

/// A YAML value that remembers where it was written, so any later check can point at the exact
/// key or list entry.
///
/// Yams' nodes are turned into this type once, at load time; no other stage sees Yams.
public indirect enum YAMLNode: Sendable, Hashable {
    /// A scalar with its text, what YAML resolved it to, and its position.
    case scalar(String, ScalarKind, SourceLocation)
    /// A list with its entries and its position.
    case sequence([YAMLNode], SourceLocation)
    /// A mapping with its key/value pairs in written order and its position.
    case mapping([(key: YAMLNode, value: YAMLNode)], SourceLocation)

    /// What a plain scalar resolved to under YAML's core schema.
    public enum ScalarKind: String, Sendable, Hashable {
        case null, bool, int, float, string, timestamp
    }

    /// Where the node starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let location), .sequence(_, let location), .mapping(_, let location):
            location
        }
    }

    /// The scalar's text, or `nil` for a list or mapping.
    public var scalarText: String? {
        if case .scalar(let text, let kind, _) = self { return kind == .null ? nil : text }
        return nil
    }

    /// The scalar's text when it is a string (or any scalar that is not null), else `nil`.
    public var string: String? { scalarText }

    /// The value as an integer, when the scalar resolved to one.
    public var int: Int? {
        if case .scalar(let text, .int, _) = self { return Int(text) }
        return nil
    }

    /// The value as a boolean, when the scalar resolved to one.
    public var bool: Bool? {
        guard case .scalar(let text, .bool, _) = self else { return nil }
        return ["true", "yes", "on", "y"].contains(text.lowercased())
    }

    /// True for `null`, `~` or an empty value.
    public var isNull: Bool {
        if case .scalar(_, .null, _) = self { return true }
        return false
    }

    /// The entries, when the node is a list.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    /// The pairs, when the node is a mapping.
    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    /// The value under a string key, when the node is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalarText == key }?.value
    }

    /// A short name of the node's kind for messages: "a list", "a mapping", "text"…
    public var kindDescription: String {
        switch self {
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .scalar(_, let kind, _):
            switch kind {
            case .null: "empty"
            case .bool: "a true/false value"
            case .int: "a whole number"
            case .float: "a number"
            case .string: "text"
            case .timestamp: "a date"
            }
        }
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a, let k1, let l1), .scalar(let b, let k2, let l2)):
            a == b && k1 == k2 && l1 == l2
        case (.sequence(let a, let l1), .sequence(let b, let l2)):
            a == b && l1 == l2
        case (.mapping(let a, let l1), .mapping(let b, let l2)):
            l1 == l2 && a.count == b.count
                && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        switch self {
        case .scalar(let text, let kind, _):
            hasher.combine(text)
            hasher.combine(kind)
        case .sequence(let items, _): hasher.combine(items)
        case .mapping(let pairs, _):
            for pair in pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }
}

public import PlaybookDiagnostics

/// A value with the position of the YAML node it was read from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a located value.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One field of a plan as it was written: left out, left empty, unreadable, or read.
///
/// Keeping "empty" and "unreadable" apart from "missing" lets each rule report only what it
/// owns: a date that does not parse is already a `schema/invalid` finding, so no date rule
/// should also call it missing.
public enum PlanField<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The key is not written.
    case missing
    /// The key is written with no value (`owner:`, `''`, `[]`), at the key's position.
    case empty(SourceLocation)
    /// The value is written but could not be read (already reported by decoding).
    case invalid(SourceLocation)
    /// The value, at the value's position.
    case value(Value, SourceLocation)

    /// The value, when it was read.
    public var value: Value? {
        if case .value(let value, _) = self { return value }
        return nil
    }

    /// Where the key or value is written; `nil` when it is missing.
    public var location: SourceLocation? {
        switch self {
        case .missing: nil
        case .empty(let location), .invalid(let location), .value(_, let location): location
        }
    }

    /// True when the key is missing or has no value: what "has no X" rules look for.
    public var isUnset: Bool {
        switch self {
        case .missing, .empty: true
        case .invalid, .value: false
        }
    }

    /// The value and its position together, when it was read.
    public var located: Located<Value>? {
        if case .value(let value, let location) = self { return Located(value, at: location) }
        return nil
    }

    /// The same field with its value transformed.
    public func map<T>(_ transform: (Value) -> T) -> PlanField<T> {
        switch self {
        case .missing: .missing
        case .empty(let location): .empty(location)
        case .invalid(let location): .invalid(location)
        case .value(let value, let location): .value(transform(value), location)
        }
    }
}

/// A problem found while decoding a plan: a reason and a position, with a plain message.
public struct PlanProblem: Sendable, Hashable {
    /// Why the plan could not be read as written.
    public enum Reason: Sendable, Hashable {
        /// Not valid YAML, a wrong type, a date or duration that does not parse, or a required
        /// field missing (lint rule `schema/invalid`).
        case invalid
        /// A key the format does not know (lint rule `schema/unknown-key`).
        case unknownKey
    }

    /// Why.
    public var reason: Reason
    /// The offending node.
    public var location: SourceLocation
    /// What is wrong, in plain words.
    public var message: String
    /// What to do about it, when known.
    public var hint: String?
    /// The framework step (`promise`, `plan`, `execution`, `outcomes`) whose section holds the
    /// problem, if any.
    public var step: String?

    /// Creates a problem.
    public init(_ reason: Reason, at location: SourceLocation, _ message: String, hint: String? = nil, step: String? = nil) {
        self.reason = reason
        self.location = location
        self.message = message
        self.hint = hint
        self.step = step
    }
}

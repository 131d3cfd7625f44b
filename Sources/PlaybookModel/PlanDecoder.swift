internal import PlaybookDiagnostics

/// Reads typed plan fields out of YAML nodes, recording a `PlanProblem` for every node that
/// cannot be read and carrying on, so one pass finds every problem. Unknown keys and wrong types
/// are worded by `FieldReader`, as in every other YAML file.
struct PlanDecoder {
    /// The keys of one mapping, looked up by name, with where the mapping starts.
    struct Fields {
        var location: SourceLocation
        var pairs: [String: (key: YAMLNode, value: YAMLNode)]
        var step: String?

        func raw(_ key: String) -> (key: YAMLNode, value: YAMLNode)? { pairs[key] }
    }

    /// Every problem found so far.
    private(set) var problems: [PlanProblem] = []

    mutating func report(
        _ reason: PlanProblem.Reason = .invalid, at location: SourceLocation, _ message: String, hint: String? = nil,
        step: String?
    ) {
        problems.append(PlanProblem(reason, at: location, message, hint: hint, step: step))
    }

    /// The pairs of a mapping, each unknown key reported with the nearest known one;
    /// `nil` (with a problem) when the node is not a mapping.
    mutating func fields(_ node: YAMLNode, known: [String], what: String, step: String?) -> Fields? {
        guard let pairs = node.mapping else {
            report(
                at: node.location, "\(what) must be a mapping of keys to values, not \(node.kindDescription)",
                hint: "write it as 'key: value' lines; known keys: \(known.joined(separator: ", "))", step: step)
            return nil
        }
        var result: [String: (key: YAMLNode, value: YAMLNode)] = [:]
        for pair in pairs {
            guard let key = pair.key.scalarText, known.contains(key) else {
                let name = pair.key.scalarText ?? "?"
                report(
                    .unknownKey, at: pair.key.location, FieldReader.unknownKeyMessage(name, in: what),
                    hint: FieldReader.unknownKeyHint(name, known: known), step: step)
                continue
            }
            result[key] = pair
        }
        return Fields(location: node.location, pairs: result, step: step)
    }

    /// Reports a required field that is missing or empty, at the key (or the entry without it).
    mutating func require<T>(_ field: PlanField<T>, _ key: String, in fields: Fields, of what: String) {
        guard field.isUnset else { return }
        report(
            at: field.location ?? fields.location, "\(what) has no '\(key)'",
            hint: "'\(key)' is required here", step: fields.step)
    }

    /// True for `~`, nothing, `''`, `[]` and `{}`.
    static func isEmpty(_ node: YAMLNode) -> Bool {
        switch node {
        case .scalar(let text, let kind, _): kind == .null || text.isEmpty
        case .sequence(let items, _): items.isEmpty
        case .mapping(let pairs, _): pairs.isEmpty
        }
    }

    /// Any scalar, as text.
    mutating func text(_ fields: Fields, _ key: String) -> PlanField<String> {
        guard let (keyNode, value) = fields.raw(key) else { return .missing }
        if Self.isEmpty(value) { return .empty(keyNode.location) }
        guard let text = value.scalarText else {
            report(at: value.location, FieldReader.typeMessage(value, key: key, expected: "text"), step: fields.step)
            return .invalid(value.location)
        }
        return .value(text, value.location)
    }

    /// A date written `YYYY-MM-DD`.
    mutating func date(_ fields: Fields, _ key: String) -> PlanField<PlanDate> {
        let raw = text(fields, key)
        guard case .value(let text, let location) = raw else { return raw.withoutValue() }
        guard let date = PlanDate.parse(text) else {
            report(
                at: location, "'\(key)' is not a date: '\(text)'",
                hint: "write dates as YYYY-MM-DD, such as 2026-01-12, and check the day exists", step: fields.step)
            return .invalid(location)
        }
        return .value(date, location)
    }

    /// A duration; with `effortAllowed` false, person-days and person-weeks are refused.
    mutating func duration(_ fields: Fields, _ key: String, effortAllowed: Bool) -> PlanField<PlanDuration> {
        let raw = text(fields, key)
        guard case .value(let text, let location) = raw else { return raw.withoutValue() }
        guard let duration = PlanDuration.parse(text) else {
            let units = PlanDuration.Unit.allCases.filter { effortAllowed || !$0.isEffort }.map(\.rawValue)
            report(
                at: location, "'\(key)' is not a duration: '\(text)'",
                hint: "write a number and a unit, such as '\(effortAllowed ? "3 person-weeks" : "1 week")'; units: \(units.joined(separator: ", "))",
                step: fields.step)
            return .invalid(location)
        }
        if duration.isEffort, !effortAllowed {
            report(
                at: location, "'\(key)' is a span of time, not effort: '\(text)'",
                hint: "use hours, days, business days or weeks, such as '\(PlanDuration(duration.amount, .weeks))'",
                step: fields.step)
            return .invalid(location)
        }
        return .value(duration, location)
    }

    /// One name, or a list of names.
    mutating func people(_ fields: Fields, _ key: String) -> PlanField<PersonReference> {
        guard let (keyNode, value) = fields.raw(key) else { return .missing }
        if Self.isEmpty(value) { return .empty(keyNode.location) }
        if let name = value.scalarText {
            return .value(PersonReference(names: [Located(name, at: value.location)], isList: false), value.location)
        }
        guard let items = value.sequence else {
            report(at: value.location, FieldReader.typeMessage(value, key: key, expected: "a name"), step: fields.step)
            return .invalid(value.location)
        }
        var names: [Located<String>] = []
        for item in items {
            guard let name = item.scalarText else {
                report(at: item.location, "each name in '\(key)' must be text, not \(item.kindDescription)", step: fields.step)
                return .invalid(value.location)
            }
            names.append(Located(name, at: item.location))
        }
        return .value(PersonReference(names: names, isList: true), value.location)
    }

    /// A list of text (a single text value counts as a list of one).
    mutating func texts(_ fields: Fields, _ key: String) -> PlanField<[Located<String>]> {
        guard let (keyNode, value) = fields.raw(key) else { return .missing }
        if Self.isEmpty(value) { return .empty(keyNode.location) }
        if let text = value.scalarText { return .value([Located(text, at: value.location)], value.location) }
        guard let items = value.sequence else {
            report(at: value.location, FieldReader.typeMessage(value, key: key, expected: "a list"), step: fields.step)
            return .invalid(value.location)
        }
        var result: [Located<String>] = []
        for item in items {
            if let text = item.scalarText, !text.isEmpty {
                result.append(Located(text, at: item.location))
            } else {
                report(at: item.location, "each entry of '\(key)' must be text, not \(item.kindDescription)", step: fields.step)
            }
        }
        return result.isEmpty ? .invalid(value.location) : .value(result, value.location)
    }

    /// A list of mappings, each decoded by `decode` (which gets the entry's node and 1-based
    /// index); an entry that is not a mapping is reported and left out.
    mutating func entries<T>(
        _ fields: Fields, _ key: String, example: String,
        decode: (inout PlanDecoder, YAMLNode, Int) -> T?
    ) -> PlanField<[T]> {
        guard let (keyNode, value) = fields.raw(key) else { return .missing }
        if Self.isEmpty(value) { return .empty(keyNode.location) }
        guard let items = value.sequence else {
            report(
                at: value.location, FieldReader.typeMessage(value, key: key, expected: "a list of entries"),
                hint: "start each entry with '- ', as in '- \(example)'", step: fields.step)
            return .invalid(value.location)
        }
        var result: [T] = []
        for (offset, item) in items.enumerated() {
            if let entry = decode(&self, item, offset + 1) { result.append(entry) }
        }
        return .value(result, value.location)
    }

    /// A single mapping decoded by `decode`.
    mutating func section<T>(_ fields: Fields, _ key: String, decode: (inout PlanDecoder, YAMLNode) -> T?) -> PlanField<T> {
        guard let (keyNode, value) = fields.raw(key) else { return .missing }
        if Self.isEmpty(value) { return .empty(keyNode.location) }
        guard let decoded = decode(&self, value) else { return .invalid(value.location) }
        return .value(decoded, value.location)
    }

    /// Checks the type of a page key the plan format shares with every page.
    mutating func checkCommonKey(_ fields: Fields, _ key: String) {
        guard let (_, value) = fields.raw(key), !Self.isEmpty(value) else { return }
        switch key {
        case "weight" where value.int == nil:
            report(at: value.location, FieldReader.typeMessage(value, key: "weight", expected: "a whole number"), step: nil)
        case "draft" where value.bool == nil:
            report(at: value.location, FieldReader.typeMessage(value, key: "draft", expected: "true or false"), step: nil)
        case "tags":
            _ = texts(fields, key)
        case "title", "description", "type":
            _ = text(fields, key)
        default:
            break
        }
    }
}

extension PlanField {
    /// The same field retyped for a value that failed a further check: a value becomes
    /// `.invalid` at its position, the other cases stay as they are.
    func withoutValue<T>() -> PlanField<T> {
        switch self {
        case .missing: .missing
        case .empty(let location): .empty(location)
        case .invalid(let location), .value(_, let location): .invalid(location)
        }
    }
}

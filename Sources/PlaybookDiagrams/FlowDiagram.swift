internal import PlaybookDiagnostics
internal import PlaybookModel

/// `kind: flow`: boxes joined left to right by arrows, optionally in `lanes` (teams, partners) so
/// each handoff between lanes shows, with an optional accountable `owner` band across every lane
/// or one step marked `accountable: true`.
///
/// On a narrow screen the same flow runs top to bottom with the lanes as columns.
struct FlowDiagram: Diagram {
    /// One box of the flow.
    struct Step: Hashable, Sendable {
        var label: String
        /// Index into `lanes`, when the flow has lanes.
        var lane: Int?
        /// True for the one step marked as the accountable owner.
        var accountable: Bool = false
    }

    var title: String
    var description: String?
    var lanes: [String]
    var steps: [Step]
    var owner: String?
    var kind: String { "flow" }

    static let keys = ["kind", "title", "description", "lanes", "steps", "owner"]
    static let stepKeys = ["label", "lane", "accountable"]

    /// Reads a flow spec; `nil` when a required field is missing or wrong (the reader has the error).
    static func read(_ reader: inout SpecReader) -> FlowDiagram? {
        reader.checkKeys(known: keys)
        let title = reader.text("title", required: true, hint: "add 'title: …': it names the diagram for screen readers")
        let description = reader.text("description", required: false)
        let owner = reader.text("owner", required: false)
        let readLanes = reader.labels("lanes", required: false, count: 1...6)
        // Steps name lanes: with a broken 'lanes' list every step would be reported again.
        if readLanes == nil, reader.value("lanes") != nil { return nil }
        let lanes = readLanes ?? []
        if let node = reader.value("lanes"), let items = node.sequence {
            var seen: Set<String> = []
            for (item, lane) in zip(items, lanes) where !seen.insert(lane).inserted {
                reader.error(at: item.location, "the lane '\(lane)' is listed twice", hint: "keep one of them")
            }
        }
        let entries = reader.list(
            "steps", required: true, hint: "list the steps in order, such as 'steps: [{label: Scope agreed, lane: Sales}]'") ?? []
        var steps: [Step] = []
        var accountable: YAMLNode?
        for entry in entries {
            guard let step = readStep(entry, lanes: lanes, reader: &reader) else { continue }
            if step.accountable {
                if let first = accountable {
                    reader.error(
                        at: entry.location, "more than one step is marked 'accountable'",
                        hint: "one step answers for the flow; the first is at line \(first.location.line)")
                }
                accountable = accountable ?? entry
            }
            steps.append(step)
        }
        if let node = reader.value("steps"), node.sequence != nil, !(1...12).contains(entries.count) {
            reader.error(at: node.location, "'steps' has \(entries.count) entries; a flow diagram draws 1 to 12", hint: "split a long flow into two diagrams")
        }
        guard let title, steps.count == entries.count else { return nil }
        return FlowDiagram(title: title, description: description, lanes: lanes, steps: steps, owner: owner)
    }

    /// One entry of `steps`: text, or a mapping with `label`, `lane` and `accountable`.
    private static func readStep(_ entry: YAMLNode, lanes: [String], reader: inout SpecReader) -> Step? {
        guard let pairs = entry.mapping else {
            guard let label = reader.label(entry, field: "steps") else { return nil }
            if !lanes.isEmpty {
                reader.error(
                    at: entry.location, "the step '\(label)' has no lane",
                    hint: "write it as '{label: \(label), lane: \(lanes[0])}'; the lanes are \(lanes.joined(separator: ", "))")
                return nil
            }
            return Step(label: label)
        }
        var step = Step(label: "")
        var ok = true
        for (key, value) in pairs {
            switch key.scalarText {
            case "label":
                if let label = reader.label(value, field: "label") { step.label = label } else { ok = false }
            case "lane":
                guard let name = reader.label(value, field: "lane") else { ok = false; continue }
                if lanes.isEmpty {
                    reader.error(at: value.location, "the step names the lane '\(name)' but the diagram has no 'lanes'", hint: "add 'lanes: [\(name), …]' to the spec")
                    ok = false
                } else if let index = lanes.firstIndex(of: name) {
                    step.lane = index
                } else {
                    reader.error(
                        at: value.location, "unknown lane '\(name)'",
                        hint: Suggestions.didYouMean(name, in: lanes) ?? "the lanes are \(lanes.joined(separator: ", "))")
                    ok = false
                }
            case "accountable":
                if let flag = value.bool { step.accountable = flag } else {
                    reader.wrongType(value, key: "accountable", expected: "true or false")
                    ok = false
                }
            default:
                reader.unknownKey(key, known: stepKeys, in: "a flow step")
            }
        }
        if step.label.isEmpty, ok {
            reader.error(at: entry.location, "this step has no 'label'", hint: "add 'label: …'")
            ok = false
        }
        if ok, !lanes.isEmpty, step.lane == nil {
            reader.error(
                at: entry.location, "the step '\(step.label)' has no lane", hint: "add 'lane: …'; the lanes are \(lanes.joined(separator: ", "))")
            ok = false
        }
        return ok ? step : nil
    }

    var summary: String {
        if let description { return description }
        var parts: [String] = []
        for (index, step) in steps.enumerated() {
            var text = step.label
            if let lane = step.lane {
                text += " (\(lanes[lane])"
                if index > 0, let previous = steps[index - 1].lane, previous != lane {
                    text += ", handed over from \(lanes[previous])"
                }
                text += ")"
            }
            if step.accountable { text += ", the accountable owner" }
            parts.append(text)
        }
        var text = "A flow of \(steps.count) \(steps.count == 1 ? "step" : "steps")"
        if !lanes.isEmpty { text += " across \(lanes.count) \(lanes.count == 1 ? "lane" : "lanes") (\(DiagramSpec.list(lanes)))" }
        text += ": " + parts.joined(separator: "; then ") + "."
        if let owner { text += " Across every lane: \(owner)." }
        return text
    }

    func canvas(width: Double) -> Canvas {
        width >= Style.wideWidth ? horizontal(width: width) : vertical(width: width)
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel

/// One kind of diagram, read from a spec: it names itself, describes itself in words and lays
/// itself out for a width.
protocol Diagram: Sendable {
    /// The diagram's name, which becomes the SVG's `<title>` (its accessible name).
    var title: String { get }
    /// What the diagram shows, in words, for the SVG's `<desc>`.
    var summary: String { get }
    /// The kind's name, used in the figure's CSS class: `cycle` gives `diagram-cycle`.
    var kind: String { get }
    /// The drawing laid out for a view box `width` user units wide (wider when the content needs it).
    func canvas(width: Double) -> Canvas
}

/// The kinds a ```diagram fence can name, and how a spec becomes a `Diagram`.
enum DiagramSpec {
    /// The kinds, in the order hints list them.
    static let kinds = ["cycle", "flow", "pyramid", "framework", "traceability", "timeline"]

    /// What a spec can draw on besides itself: the site's framework and the page's plan.
    struct Context {
        var framework: Framework?
        var plan: PlanFacts?
        /// The buffer before a plan's promised end, in days, for a window from the first date to the second.
        var bufferDays: (PlanDate, PlanDate) -> Int = DiagramRenderer.defaultBufferDays
    }

    /// Reads a spec: YAML whose first line is the line after the fence at `fence`.
    ///
    /// - Returns: the diagram, or `nil` when the spec has an error; and every problem, positioned
    ///   in the Markdown file (code `diagram/invalid` for errors, `diagram/unknown-key` for warnings).
    static func parse(_ text: String, at fence: SourceLocation, context: Context) -> (Diagram?, [Diagnostic]) {
        let root: YAMLNode?
        switch YAMLParser.parse(text, file: fence.file, lineOffset: fence.line) {
        case .success(let node): root = node
        case .failure(let problem):
            let reason = problem.message.hasPrefix("invalid YAML: ")
                ? String(problem.message.dropFirst("invalid YAML: ".count)) : problem.message
            let error = Diagnostic.error(
                "diagram/invalid", at: problem.location, "the diagram spec is not valid YAML: \(reason)",
                hint: problem.hint)
            return (nil, [error])
        }
        guard let root, let pairs = root.mapping else {
            let error = Diagnostic.error(
                "diagram/invalid", at: root?.location ?? fence,
                root == nil ? "the diagram spec is empty" : "the diagram spec must be a mapping of keys to values, not \(root?.kindDescription ?? "")",
                hint: "start with 'kind: cycle' (or \(kinds.dropFirst().joined(separator: ", "))) and 'title: …'")
            return (nil, [error])
        }
        guard let kindNode = root["kind"], !kindNode.isNull else {
            let error = Diagnostic.error(
                "diagram/invalid", at: fence, "the diagram has no 'kind'", hint: "add 'kind:' with one of \(kinds.joined(separator: ", "))")
            return (nil, [error])
        }
        guard let kind = kindNode.scalarText, kinds.contains(kind) else {
            let name = kindNode.scalarText ?? kindNode.kindDescription
            let error = Diagnostic.error(
                "diagram/invalid", at: kindNode.location, "unknown diagram kind '\(name)'",
                hint: Suggestions.didYouMean(name, in: kinds) ?? "the kinds are \(kinds.joined(separator: ", "))")
            return (nil, [error])
        }
        var reader = SpecReader(pairs: pairs, kind: kind, fence: fence)
        let diagram: Diagram?
        switch kind {
        case "cycle": diagram = CycleDiagram.read(&reader, framework: context.framework)
        case "flow": diagram = FlowDiagram.read(&reader)
        case "pyramid": diagram = PyramidDiagram.read(&reader)
        case "traceability": diagram = TraceabilityDiagram.read(&reader, plan: context.plan)
        case "timeline": diagram = TimelineDiagram.read(&reader, plan: context.plan, bufferDays: context.bufferDays)
        default: diagram = FrameworkDiagram.read(&reader, framework: context.framework)
        }
        let problems = reader.problems
        return (problems.hasErrors ? nil : diagram, problems)
    }

    /// `a, b and c` for a summary sentence.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}

internal import PlaybookModel

/// `kind: traceability` (and the first generated diagram of a plan page): each promise of the
/// page's engagement plan, the tasks that serve it and the outcomes that measure it, with every
/// broken link drawn as a dashed box: a promise no task serves or no outcome measures, a task
/// serving something that is not a promise, an outcome measuring something that is not one.
struct TraceabilityDiagram: Diagram {
    /// One box: its labels from top to bottom and its CSS class.
    struct Card: Hashable, Sendable {
        var parts: [CardLayout.Part]
        var className: String

        /// True for a box that stands for a missing or wrong link.
        var isBroken: Bool { className.hasSuffix("d-broken") }
    }

    /// A promise with what serves and measures it; or, for links that reach no promise, a
    /// heading box with those tasks and outcomes (and `linked` false).
    struct Group: Hashable, Sendable {
        var head: Card
        var tasks: [Card]
        var outcomes: [Card]
        var linked: Bool
    }

    var title: String
    var description: String?
    var facts: PlanFacts
    var kind: String { "traceability" }

    static let keys = ["kind", "title", "description"]
    static let headFont = Font(size: 13, bold: true)
    static let textFont = Style.small
    static let metaFont = Font(size: 12)

    /// Reads a traceability spec; `nil` when the title is missing or the page has no plan.
    static func read(_ reader: inout SpecReader, plan: PlanFacts?) -> TraceabilityDiagram? {
        reader.checkKeys(known: keys, hint: "a traceability diagram draws the page's own plan; its spec has only kind, title and description")
        let title = reader.text("title", required: true, hint: "add 'title: …': it names the diagram for screen readers")
        let description = reader.text("description", required: false)
        guard let plan else {
            reader.error(
                at: reader.fence, "a traceability diagram draws the engagement plan of its page, and this page is not a plan",
                hint: "use it on a page whose front matter says 'type: plan'")
            return nil
        }
        guard let title else { return nil }
        return TraceabilityDiagram(title: title, description: description, facts: plan)
    }

    /// The groups to draw: one per promise, then one for links that reach no promise.
    var groups: [Group] {
        let ids = facts.promiseIDs
        var groups: [Group] = facts.promises.map { promise in
            var meta = promise.id.map { "'\($0)'" } ?? "no id"
            if let target = promise.target { meta += " · target \(target)" }
            let head = Card(parts: [part(promise.outcome, Self.headFont, "heading"), part(meta, Self.metaFont, "muted")], className: "d-box d-step")
            let tasks = facts.tasks.filter { task in promise.id.map { task.serves.contains($0) } ?? false }.map { taskCard($0, note: nil) }
            let outcomes = facts.outcomes.filter { $0.promise != nil && $0.promise == promise.id }.map { outcomeCard($0, note: nil) }
            return Group(
                head: head, tasks: tasks.isEmpty ? [broken("No task serves this promise")] : tasks,
                outcomes: outcomes.isEmpty ? [broken("No outcome measures this promise")] : outcomes, linked: true)
        }
        let strayTasks = facts.tasks.compactMap { task -> Card? in
            let unknown = task.serves.filter { !ids.contains($0) }
            if task.serves.isEmpty { return taskCard(task, note: "serves no promise") }
            guard !unknown.isEmpty else { return nil }
            return taskCard(task, note: "serves " + DiagramSpec.list(unknown.map { "'\($0)'" }) + (unknown.count == 1 ? ", which is not a promise" : ", which are not promises"))
        }
        let strayOutcomes = facts.outcomes.compactMap { outcome -> Card? in
            guard let promise = outcome.promise else { return outcomeCard(outcome, note: "names no promise") }
            return ids.contains(promise) ? nil : outcomeCard(outcome, note: "measures '\(promise)', which is not a promise")
        }
        if !strayTasks.isEmpty || !strayOutcomes.isEmpty {
            groups.append(
                Group(head: broken("Linked to no promise", font: Self.headFont), tasks: strayTasks, outcomes: strayOutcomes, linked: false))
        }
        return groups
    }

    var summary: String {
        if let description { return description }
        var text = "How each promise of \(facts.title) is served by tasks and measured by outcomes."
        let ids = facts.promiseIDs
        for promise in facts.promises {
            let tasks = facts.tasks.filter { task in promise.id.map { task.serves.contains($0) } ?? false }.map(\.task)
            let measured = facts.outcomes.filter { $0.promise != nil && $0.promise == promise.id }.compactMap(\.measuredOn)
            text += " \(promise.outcome): "
            text += tasks.isEmpty ? "no task serves it (broken)" : "served by " + DiagramSpec.list(tasks)
            text += measured.isEmpty ? "; no outcome measures it (broken)." : "; measured on " + DiagramSpec.list(measured.map(\.description)) + "."
        }
        let strays = facts.tasks.filter { $0.serves.isEmpty || $0.serves.contains { !ids.contains($0) } }.map(\.task)
            + facts.outcomes.filter { $0.promise.map { !ids.contains($0) } ?? true }.map { "the outcome for '\($0.promise ?? "")'" }
        if !strays.isEmpty { text += " Linked to no promise (broken): " + DiagramSpec.list(strays) + "." }
        return text
    }

    func canvas(width: Double) -> Canvas {
        width >= Style.wideWidth ? columns(width: width) : stacked(width: width)
    }

    private func part(_ text: String, _ font: Font, _ style: String) -> CardLayout.Part {
        CardLayout.Part(text: text, font: font, className: style == "text" ? "d-text" : "d-text d-\(style)")
    }

    private func taskCard(_ task: PlanFacts.TaskFact, note: String?) -> Card {
        var meta = [task.owner, task.due.map { "due \($0)" }].compactMap { $0 }.joined(separator: " · ")
        if let note { meta = meta.isEmpty ? note : meta + " · " + note }
        let parts = [part(task.task, Self.textFont, "text")] + (meta.isEmpty ? [] : [part(meta, Self.metaFont, "muted")])
        return Card(parts: parts, className: note == nil ? "d-box" : "d-box d-broken")
    }

    private func outcomeCard(_ outcome: PlanFacts.OutcomeFact, note: String?) -> Card {
        let when = outcome.measuredOn.map { "Measured on \($0)" } ?? "Measurement not dated"
        var meta = outcome.result.map { "Result: \($0)" } ?? "Not measured yet"
        if let note { meta += " · " + note }
        return Card(parts: [part(when, Self.textFont, "text"), part(meta, Self.metaFont, "muted")], className: note == nil ? "d-box d-outcome" : "d-box d-broken")
    }

    private func broken(_ text: String, font: Font = Self.textFont) -> Card {
        Card(parts: [part(text, font, font.bold ? "heading" : "text")], className: "d-box d-broken")
    }
}

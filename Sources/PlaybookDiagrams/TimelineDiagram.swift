internal import PlaybookModel

/// `kind: timeline` (and the second generated diagram of a plan page): each task of the page's
/// engagement plan at its due date, against the engagement window from `start` to the promised
/// `end`, with the buffer before the promised date shaded and tasks due inside it marked late.
struct TimelineDiagram: Diagram {
    var title: String
    var description: String?
    var facts: PlanFacts
    /// The engagement's first and promised last day (`end` after `start`).
    var start: PlanDate
    var end: PlanDate
    /// The buffer before `end`, in days.
    var bufferDays: Int
    var kind: String { "timeline" }

    static let keys = ["kind", "title", "description"]
    static let textFont = Style.small
    static let metaFont = Font(size: 12)

    /// Reads a timeline spec; `nil` when the title is missing, the page has no plan, or the plan
    /// has no window to draw.
    static func read(_ reader: inout SpecReader, plan: PlanFacts?, bufferDays: (PlanDate, PlanDate) -> Int) -> TimelineDiagram? {
        reader.checkKeys(known: keys, hint: "a timeline diagram draws the page's own plan; its spec has only kind, title and description")
        let title = reader.text("title", required: true, hint: "add 'title: …': it names the diagram for screen readers")
        let description = reader.text("description", required: false)
        guard let plan else {
            reader.error(
                at: reader.fence, "a timeline diagram draws the engagement plan of its page, and this page is not a plan",
                hint: "use it on a page whose front matter says 'type: plan'")
            return nil
        }
        guard let title else { return nil }
        guard let diagram = TimelineDiagram(title: title, description: description, facts: plan, bufferDays: bufferDays) else {
            reader.error(
                at: reader.fence, "the plan has no engagement window to draw: 'start' and 'end' must be dates, 'end' after 'start'",
                hint: "fix the plan's dates ('playbook lint' names the problem)")
            return nil
        }
        return diagram
    }

    /// A timeline of `facts`, or `nil` when the plan has no valid window.
    init?(title: String, description: String?, facts: PlanFacts, bufferDays: (PlanDate, PlanDate) -> Int) {
        guard let start = facts.start, let end = facts.end, start < end else { return nil }
        self.title = title
        self.description = description
        self.facts = facts
        self.start = start
        self.end = end
        self.bufferDays = min(max(1, bufferDays(start, end)), end.days(since: start))
    }

    /// The first day of the buffer.
    var bufferStart: PlanDate { end.adding(days: -bufferDays) }

    /// The tasks that have a due date, in the plan's order.
    var dated: [PlanFacts.TaskFact] { facts.tasks.filter { $0.due != nil } }

    /// True when a task is due inside the buffer or after the promised date.
    func isLate(_ task: PlanFacts.TaskFact) -> Bool { task.due.map { $0 > bufferStart } ?? false }

    /// The first and last day the axis shows: the window, stretched to any task due outside it.
    var range: (first: PlanDate, last: PlanDate) {
        let dues = dated.compactMap(\.due)
        return (min(start, dues.min() ?? start), max(end, dues.max() ?? end))
    }

    var summary: String {
        if let description { return description }
        var text = "Timeline of \(facts.title): \(dated.count) \(dated.count == 1 ? "task" : "tasks") by due date, "
        text += "in the engagement window from \(start) to the promised \(end), "
        text += "with a \(bufferDays)-day buffer from \(bufferStart)."
        if let last = dated.compactMap(\.due).max() {
            let margin = end.days(since: last)
            text += margin >= 0 ? " The last task is due \(last), \(margin) days before the promised date." : " The last task is due \(last), \(-margin) days after the promised date."
        }
        let late = dated.filter(isLate).map(\.task)
        text += late.isEmpty ? " No task is due inside the buffer." : " Due inside the buffer or late: " + DiagramSpec.list(late) + "."
        let undated = facts.tasks.count - dated.count
        if undated > 0 { text += " \(undated) \(undated == 1 ? "task has" : "tasks have") no due date and \(undated == 1 ? "is" : "are") not shown." }
        return text
    }

    func canvas(width: Double) -> Canvas {
        TimelineLayout(diagram: self, width: width).canvas()
    }
}

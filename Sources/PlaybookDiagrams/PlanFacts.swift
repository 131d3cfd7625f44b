internal import PlaybookModel

/// What the plan diagrams draw, taken from a typed engagement plan: only the values that were
/// read; anything missing or unreadable is the lint's to report, and is simply not drawn.
struct PlanFacts: Hashable, Sendable {
    struct PromiseFact: Hashable, Sendable {
        var id: String?
        var outcome: String
        var target: String?
    }

    struct TaskFact: Hashable, Sendable {
        var id: String?
        var task: String
        var owner: String?
        var due: PlanDate?
        var serves: [String]
    }

    struct OutcomeFact: Hashable, Sendable {
        var promise: String?
        var measuredOn: PlanDate?
        var result: String?
    }

    var title: String
    var start: PlanDate?
    var end: PlanDate?
    var promises: [PromiseFact]
    var tasks: [TaskFact]
    var outcomes: [OutcomeFact]

    /// Reads the facts of `plan`.
    init(_ plan: EngagementPlan) {
        let text = { (value: String?) in value.map(TextMetrics.normalize).flatMap { $0.isEmpty ? nil : $0 } }
        title = text(plan.title.value) ?? "the plan"
        start = plan.start.value
        end = plan.end.value
        promises = (plan.promises.value ?? []).map {
            PromiseFact(id: text($0.id.value), outcome: text($0.outcome.value) ?? $0.label, target: text($0.target.value))
        }
        tasks = (plan.tasks.value ?? []).map {
            TaskFact(
                id: text($0.id.value), task: text($0.task.value) ?? $0.label,
                owner: $0.owner.value.flatMap { reference in text(reference.names.map(\.value).joined(separator: ", ")) },
                due: $0.due.value, serves: ($0.serves.value ?? []).compactMap { text($0.value) })
        }
        outcomes = (plan.outcomes.value ?? []).map {
            OutcomeFact(promise: text($0.promise.value), measuredOn: $0.measuredOn.value, result: text($0.result.value))
        }
    }

    /// Creates facts directly (for tests).
    init(title: String, start: PlanDate?, end: PlanDate?, promises: [PromiseFact], tasks: [TaskFact], outcomes: [OutcomeFact]) {
        self.title = title
        self.start = start
        self.end = end
        self.promises = promises
        self.tasks = tasks
        self.outcomes = outcomes
    }

    /// The ids of the promises, for checking links.
    var promiseIDs: Set<String> { Set(promises.compactMap(\.id)) }
}

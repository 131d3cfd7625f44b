internal import PlaybookDiagnostics
internal import PlaybookModel

/// The values `plan.mustache` shows for an engagement plan: the promise table, tasks with owners
/// and due dates, check-in, handoffs, recovery, outcomes, and the lint's findings.
///
/// Every key is set on every entry (empty when the plan leaves it out): Mustache looks a
/// missing key up in the enclosing entries and would show a neighbour's value.
struct PlanViewModel {
    /// Template names this view model provides, for the template check.
    static let keys: Set<String> = [
        "plan", "customer", "accountable", "start", "end", "length", "hasDates", "team", "hasTeam", "name", "role",
        "side", "isCustomer", "promises", "hasPromises", "outcome", "measure", "baseline", "target", "effort",
        "servedBy", "anchor", "hasAnchor", "task", "owner", "due", "serves", "spec", "hasSpec", "isLate", "checkIn", "hasCheckIn",
        "every", "how", "handoffs", "hasHandoffs", "from", "to", "on", "carries", "recovery", "hasRecovery",
        "respondWithin", "outcomes", "hasOutcomes", "promise", "measuredOn", "result", "hasResult", "steps",
        "findingsSummary", "isError", "isWarning", "isNote", "line", "hasLine", "helpURL", "hasHint",
    ]

    let plan: EngagementPlan
    /// The plan's findings, from the build's lint stage.
    let findings: [PlanFinding]
    /// The framework's steps by id, as `LintFacts.steps`.
    let steps: [String: StepLink]

    /// The context to merge into the page's: `plan`, `findings`, `hasFindings`, `findingsSummary`.
    func context() -> [String: Any] {
        var values: [String: Any] = [
            "customer": text(plan.customer),
            "accountable": plan.accountable.value.map { $0.names.map(\.value).joined(separator: ", ") } ?? "",
            "start": plan.start.value?.description ?? "",
            "end": plan.end.value?.description ?? "",
            "length": length(),
            "hasDates": plan.start.value != nil && plan.end.value != nil,
            "steps": stepValues(),
        ]
        let team = (plan.team.value ?? []).map(member)
        values["team"] = team
        values["hasTeam"] = !team.isEmpty
        let tasks = plan.tasks.value ?? []
        let promises = (plan.promises.value ?? []).map { promise($0, tasks: tasks) }
        let promiseIDs = Set((plan.promises.value ?? []).compactMap(\.id.value))
        values["promises"] = promises
        values["hasPromises"] = !promises.isEmpty
        let taskValues = tasks.map { task($0, promiseIDs: promiseIDs) }
        values["tasks"] = taskValues
        values["hasTasks"] = !taskValues.isEmpty
        let execution = plan.execution.value
        if let checkIn = execution?.checkIn.value {
            values["checkIn"] = ["every": checkIn.every.value.map(Self.cadence) ?? "", "how": text(checkIn.how)]
        }
        values["hasCheckIn"] = execution?.checkIn.value != nil
        let handoffs = (execution?.handoffs.value ?? []).map(handoff)
        values["handoffs"] = handoffs
        values["hasHandoffs"] = !handoffs.isEmpty
        if let recovery = execution?.recovery.value {
            values["recovery"] = ["owner": people(recovery.owner), "respondWithin": recovery.respondWithin.value?.description ?? ""]
        }
        values["hasRecovery"] = execution?.recovery.value != nil
        let outcomes = (plan.outcomes.value ?? []).map { outcome($0, promiseIDs: promiseIDs) }
        values["outcomes"] = outcomes
        values["hasOutcomes"] = !outcomes.isEmpty
        let findingValues = findings.map(finding)
        return [
            "plan": values, "findings": findingValues, "hasFindings": !findingValues.isEmpty,
            "findingsSummary": summary(),
        ]
    }

    private func text(_ field: PlanField<String>) -> String { field.value ?? "" }

    private func people(_ field: PlanField<PersonReference>) -> String {
        field.value.map { $0.names.map(\.value).joined(separator: ", ") } ?? ""
    }

    private func length() -> String {
        guard let start = plan.start.value, let end = plan.end.value, end > start else { return "" }
        let days = end.days(since: start)
        return days % 7 == 0 ? "\(days / 7) weeks" : "\(days) days"
    }

    /// Step titles and pages by step id, from the site's framework.
    private func stepValues() -> [String: Any] {
        var values: [String: Any] = [:]
        for id in EngagementPlan.stepKeys {
            let step = steps[id]
            values[id] = ["title": step?.title ?? id, "url": step?.url ?? ""]
        }
        return values
    }

    private func member(_ member: TeamMember) -> [String: Any] {
        [
            "name": text(member.name), "role": text(member.role), "side": member.sideOrDefault.rawValue,
            "isCustomer": member.sideOrDefault == .customer,
        ]
    }

    private func promise(_ promise: Promise, tasks: [PlanTask]) -> [String: Any] {
        let id = text(promise.id)
        let servedBy = tasks.filter { ($0.serves.value ?? []).contains { $0.value == id } }.compactMap(\.id.value)
        return [
            "id": id, "anchor": Self.anchor(id), "outcome": text(promise.outcome), "measure": text(promise.measure),
            "baseline": text(promise.baseline), "target": text(promise.target),
            "effort": promise.effort.value?.description ?? "", "servedBy": servedBy.joined(separator: ", "),
        ]
    }

    private func task(_ task: PlanTask, promiseIDs: Set<String>) -> [String: Any] {
        let serves = (task.serves.value ?? []).map { reference -> [String: Any] in
            ["id": reference.value, "anchor": Self.anchor(reference.value), "hasAnchor": promiseIDs.contains(reference.value)]
        }
        var isLate = false
        if let due = task.due.value, let end = plan.end.value { isLate = due > end }
        return [
            "id": text(task.id), "task": text(task.task), "owner": people(task.owner),
            "due": task.due.value?.description ?? "", "serves": serves, "spec": text(task.spec),
            "hasSpec": task.spec.value != nil, "isLate": isLate,
        ]
    }

    private func handoff(_ handoff: Execution.Handoff) -> [String: Any] {
        [
            "from": text(handoff.from), "to": text(handoff.to), "owner": people(handoff.owner),
            "on": handoff.on.value?.description ?? "", "carries": (handoff.carries.value ?? []).map(\.value),
        ]
    }

    private func outcome(_ outcome: Outcome, promiseIDs: Set<String>) -> [String: Any] {
        let promise = text(outcome.promise)
        return [
            "promise": promise, "anchor": Self.anchor(promise), "hasAnchor": promiseIDs.contains(promise),
            "measuredOn": outcome.measuredOn.value?.description ?? "", "result": text(outcome.result),
            "hasResult": outcome.result.value != nil,
        ]
    }

    private func finding(_ finding: PlanFinding) -> [String: Any] {
        [
            "severity": finding.severity.rawValue, "code": finding.ruleID, "message": finding.message,
            "line": finding.line > 0 ? "line \(finding.line)" : "", "hasLine": finding.line > 0,
            "hint": finding.advice ?? "", "hasHint": finding.advice != nil,
            "helpURL": finding.helpURL ?? "", "isError": finding.severity == .error,
            "isWarning": finding.severity == .warning, "isNote": finding.severity == .note,
        ]
    }

    private func summary() -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    /// `Every week`, `Every 2 weeks`.
    static func cadence(_ every: PlanDuration) -> String {
        every.amount == 1 ? "Every \(every.unit.singular)" : "Every \(every)"
    }

    /// The id of a promise's row, for links from tasks and outcomes: `promise-planning-time`.
    static func anchor(_ id: String) -> String {
        "promise-" + String(id.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}

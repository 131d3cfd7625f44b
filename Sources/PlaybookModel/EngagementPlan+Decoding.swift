internal import PlaybookDiagnostics

extension EngagementPlan {
    /// The keys the plan format knows, by where they are written.
    public static let knownKeys: [String: [String]] = [
        "plan": PageMetadata.commonKeys + (PageMetadata.keysByType["plan"] ?? []),
        "team": ["name", "role", "side"],
        "promise": ["id", "outcome", "measure", "baseline", "target", "effort"],
        "task": ["id", "task", "owner", "due", "serves", "spec"],
        "execution": ["check-in", "handoffs", "recovery"],
        "check-in": ["every", "how"],
        "handoff": ["from", "to", "owner", "on", "carries"],
        "recovery": ["owner", "respond-within"],
        "outcome": ["promise", "measured-on", "result"],
    ]

    /// Reads a plan from the root node of a page's front matter.
    ///
    /// - Returns: the plan, with every field read as far as it could be, and every problem:
    ///   wrong types, unreadable dates and durations, required fields that are missing
    ///   (`.invalid`) and keys the format does not know (`.unknownKey`), each at its node.
    ///   Never stops at the first problem.
    public static func decode(_ root: YAMLNode, file: String) -> (EngagementPlan, [PlanProblem]) {
        var decoder = PlanDecoder()
        let plan = decoder.plan(root, file: file)
        return (plan, decoder.problems)
    }
}

extension PlanDecoder {
    mutating func plan(_ root: YAMLNode, file: String) -> EngagementPlan {
        var plan = EngagementPlan(
            file: file, location: root.location, title: .missing, customer: .missing, accountable: .missing,
            team: .missing, start: .missing, end: .missing, promises: .missing, tasks: .missing,
            execution: .missing, outcomes: .missing)
        guard
            let fields = fields(
                root, known: EngagementPlan.knownKeys["plan"] ?? [], what: "the front matter", step: nil)
        else { return plan }
        for key in PageMetadata.commonKeys { checkCommonKey(fields, key) }
        plan.title = text(fields, "title")
        plan.customer = text(fields, "customer")
        plan.accountable = people(fields, "accountable")
        plan.team = entries(fields, "team", example: "name: Dana Reyes") { $0.teamMember($1, index: $2) }
        plan.start = date(fields, "start")
        plan.end = date(fields, "end")
        var stepFields = fields
        stepFields.step = "promise"
        plan.promises = entries(stepFields, "promise", example: "id: planning-time") { $0.promise($1, index: $2) }
        stepFields.step = "plan"
        plan.tasks = entries(stepFields, "plan", example: "id: import-data") { $0.task($1, index: $2) }
        stepFields.step = "execution"
        plan.execution = section(stepFields, "execution") { $0.execution($1) }
        stepFields.step = "outcomes"
        plan.outcomes = entries(stepFields, "outcomes", example: "promise: planning-time") { $0.outcome($1, index: $2) }
        plan.checklists = texts(fields, "checklists")
        require(plan.title, "title", in: fields, of: "the plan")
        require(plan.customer, "customer", in: fields, of: "the plan")
        require(plan.team, "team", in: fields, of: "the plan")
        require(plan.start, "start", in: fields, of: "the plan")
        require(plan.end, "end", in: fields, of: "the plan")
        return plan
    }

    mutating func teamMember(_ node: YAMLNode, index: Int) -> TeamMember? {
        guard let fields = fields(node, known: EngagementPlan.knownKeys["team"] ?? [], what: Self.label("team member", node, "name", index), step: nil)
        else { return nil }
        var member = TeamMember(
            location: node.location, name: text(fields, "name"), role: text(fields, "role"), side: .missing)
        let what = member.name.value.map { "team member '\($0)'" } ?? "team member #\(index)"
        require(member.name, "name", in: fields, of: what)
        require(member.role, "role", in: fields, of: what)
        let side = text(fields, "side")
        if case .value(let text, let location) = side {
            if let value = TeamMember.Side(rawValue: text) {
                member.side = .value(value, location)
            } else {
                let sides = TeamMember.Side.allCases.map(\.rawValue)
                report(
                    at: location, "'side' of \(what) must be 'ours' or 'customer', not '\(text)'",
                    hint: Suggestions.didYouMean(text, in: sides) ?? "leave it out for our side", step: nil)
                member.side = .invalid(location)
            }
        } else {
            member.side = side.withoutValue()
        }
        return member
    }

    mutating func promise(_ node: YAMLNode, index: Int) -> Promise? {
        guard let fields = fields(node, known: EngagementPlan.knownKeys["promise"] ?? [], what: Self.label("promise", node, "id", index), step: "promise")
        else { return nil }
        let promise = Promise(
            location: node.location, index: index, id: text(fields, "id"), outcome: text(fields, "outcome"),
            measure: text(fields, "measure"), baseline: text(fields, "baseline"), target: text(fields, "target"),
            effort: duration(fields, "effort", effortAllowed: true))
        require(promise.id, "id", in: fields, of: "promise \(promise.label)")
        require(promise.baseline, "baseline", in: fields, of: "promise \(promise.label)")
        return promise
    }

    mutating func task(_ node: YAMLNode, index: Int) -> PlanTask? {
        guard let fields = fields(node, known: EngagementPlan.knownKeys["task"] ?? [], what: Self.label("task", node, "id", index), step: "plan")
        else { return nil }
        let task = PlanTask(
            location: node.location, index: index, id: text(fields, "id"), task: text(fields, "task"),
            owner: people(fields, "owner"), due: date(fields, "due"), serves: texts(fields, "serves"),
            spec: text(fields, "spec"))
        require(task.id, "id", in: fields, of: "task \(task.label)")
        require(task.task, "task", in: fields, of: "task \(task.label)")
        require(task.due, "due", in: fields, of: "task \(task.label)")
        return task
    }

    mutating func execution(_ node: YAMLNode) -> Execution? {
        guard let fields = fields(node, known: EngagementPlan.knownKeys["execution"] ?? [], what: "'execution'", step: "execution")
        else { return nil }
        return Execution(
            location: node.location,
            checkIn: section(fields, "check-in") { $0.checkIn($1) },
            handoffs: entries(fields, "handoffs", example: "from: Sales") { $0.handoff($1, index: $2) },
            recovery: section(fields, "recovery") { $0.recovery($1) })
    }

    mutating func checkIn(_ node: YAMLNode) -> Execution.CheckIn? {
        guard let fields = fields(node, known: EngagementPlan.knownKeys["check-in"] ?? [], what: "'check-in'", step: "execution")
        else { return nil }
        let checkIn = Execution.CheckIn(
            location: node.location, every: duration(fields, "every", effortAllowed: false), how: text(fields, "how"))
        require(checkIn.how, "how", in: fields, of: "the check-in")
        return checkIn
    }

    mutating func handoff(_ node: YAMLNode, index: Int) -> Execution.Handoff? {
        guard let fields = fields(node, known: EngagementPlan.knownKeys["handoff"] ?? [], what: Self.label("handoff", node, "from", index), step: "execution")
        else { return nil }
        let handoff = Execution.Handoff(
            location: node.location, index: index, from: text(fields, "from"), to: text(fields, "to"),
            owner: people(fields, "owner"), on: date(fields, "on"), carries: texts(fields, "carries"))
        require(handoff.from, "from", in: fields, of: "handoff \(handoff.label)")
        require(handoff.to, "to", in: fields, of: "handoff \(handoff.label)")
        return handoff
    }

    mutating func recovery(_ node: YAMLNode) -> Execution.Recovery? {
        guard let fields = fields(node, known: EngagementPlan.knownKeys["recovery"] ?? [], what: "'recovery'", step: "execution")
        else { return nil }
        return Execution.Recovery(
            location: node.location, owner: people(fields, "owner"),
            respondWithin: duration(fields, "respond-within", effortAllowed: false))
    }

    mutating func outcome(_ node: YAMLNode, index: Int) -> Outcome? {
        guard let fields = fields(node, known: EngagementPlan.knownKeys["outcome"] ?? [], what: Self.label("the outcome of", node, "promise", index), step: "outcomes")
        else { return nil }
        let outcome = Outcome(
            location: node.location, index: index, promise: text(fields, "promise"),
            measuredOn: date(fields, "measured-on"), result: text(fields, "result"))
        let what = outcome.promise.value.map { "the outcome of '\($0)'" } ?? "outcome #\(index)"
        require(outcome.promise, "promise", in: fields, of: what)
        require(outcome.measuredOn, "measured-on", in: fields, of: what)
        return outcome
    }

    /// How messages name an entry before it is decoded: `task 'go-live'`, or `task #2` when
    /// the entry has no readable `key`.
    static func label(_ kind: String, _ node: YAMLNode, _ key: String, _ index: Int) -> String {
        if let value = node[key]?.scalarText, !value.isEmpty {
            return key == "from" ? "\(kind) from '\(value)'" : "\(kind) '\(value)'"
        }
        return kind == "the outcome of" ? "outcome #\(index)" : "\(kind) #\(index)"
    }
}

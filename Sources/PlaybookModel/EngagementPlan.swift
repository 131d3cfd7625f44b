public import PlaybookDiagnostics

/// An engagement plan (docs/engagement-plans.md): one customer engagement in the shape of
/// the framework, read from a page's front matter with the position of every node kept.
///
/// Decoding never stops at the first problem (see `EngagementPlan.decode`): every field is read
/// as far as it can be, so the lint reports everything at once.
public struct EngagementPlan: Sendable, Hashable {
    /// The file the plan was read from, as diagnostics print it.
    public var file: String
    /// Where the front matter's mapping starts.
    public var location: SourceLocation
    /// The page title.
    public var title: PlanField<String>
    /// The customer's name.
    public var customer: PlanField<String>
    /// The one person who answers to the customer.
    public var accountable: PlanField<PersonReference>
    /// Everyone working on the engagement, on both sides.
    public var team: PlanField<[TeamMember]>
    /// When the work begins.
    public var start: PlanField<PlanDate>
    /// The date that was promised.
    public var end: PlanField<PlanDate>
    /// The Promise: the outcomes agreed with the customer.
    public var promises: PlanField<[Promise]>
    /// The Plan: the tasks that deliver the promises.
    public var tasks: PlanField<[PlanTask]>
    /// Execution: check-in, handoffs and recovery.
    public var execution: PlanField<Execution>
    /// Outcomes: when and how each promise is measured.
    public var outcomes: PlanField<[Outcome]>
    /// The checklists the team runs for this engagement, as paths relative to the content
    /// folder (`checklists/kick-off.md`), each at its list item.
    public var checklists: PlanField<[Located<String>]> = .missing

    /// The plan's top-level keys that hold the framework's steps, by step id.
    public static let stepKeys = ["promise", "plan", "execution", "outcomes"]

    /// Whether the section of a framework step (`promise`, `plan`, `execution`, `outcomes`)
    /// is present; `nil` for any other id.
    public func stepField(_ id: String) -> PlanField<Bool>? {
        switch id {
        case "promise": promises.map { !$0.isEmpty }
        case "plan": tasks.map { !$0.isEmpty }
        case "execution": execution.map { _ in true }
        case "outcomes": outcomes.map { !$0.isEmpty }
        default: nil
        }
    }
}

/// One or more people named where one is expected (`accountable`, `owner`).
public struct PersonReference: Sendable, Hashable {
    /// The names as written: one for a text value, one per entry for a list.
    public var names: [Located<String>]
    /// True when the value was written as a list.
    public var isList: Bool

    /// Creates a reference.
    public init(names: [Located<String>], isList: Bool) {
        self.names = names
        self.isList = isList
    }
}

/// A member of the engagement's team.
public struct TeamMember: Sendable, Hashable {
    /// Which company a team member works for.
    public enum Side: String, Sendable, Hashable, CaseIterable {
        /// Our company (the default).
        case ours
        /// The customer's company.
        case customer
    }

    /// Where the entry starts.
    public var location: SourceLocation
    /// The name, as tasks and owners refer to it.
    public var name: PlanField<String>
    /// What they do in the engagement.
    public var role: PlanField<String>
    /// Our side (the default) or the customer's.
    public var side: PlanField<Side>

    /// The side, `ours` when none is written.
    public var sideOrDefault: Side { side.value ?? .ours }
}

/// One promise: an outcome the customer expects, how it is measured, and the effort to reach it.
public struct Promise: Sendable, Hashable {
    /// Where the entry starts.
    public var location: SourceLocation
    /// 1-based position in the list, for messages about entries without an id.
    public var index: Int
    /// Stable id that tasks and outcomes refer to.
    public var id: PlanField<String>
    /// The outcome in the customer's words.
    public var outcome: PlanField<String>
    /// How it is measured.
    public var measure: PlanField<String>
    /// Where it stands today.
    public var baseline: PlanField<String>
    /// Where it will stand.
    public var target: PlanField<String>
    /// The effort to get there.
    public var effort: PlanField<PlanDuration>

    /// `'planning-time'`, or `#2` when the entry has no id.
    public var label: String { id.value.map { "'\($0)'" } ?? "#\(index)" }
}

/// One task of the plan.
public struct PlanTask: Sendable, Hashable {
    /// Where the entry starts.
    public var location: SourceLocation
    /// 1-based position in the list.
    public var index: Int
    /// Stable id.
    public var id: PlanField<String>
    /// What is done.
    public var task: PlanField<String>
    /// Who does it: one name from the team.
    public var owner: PlanField<PersonReference>
    /// When it is due.
    public var due: PlanField<PlanDate>
    /// The ids of the promises it serves.
    public var serves: PlanField<[Located<String>]>
    /// What "done" means, when it could be argued about.
    public var spec: PlanField<String>

    /// `'import-depots'`, or `#2` when the entry has no id.
    public var label: String { id.value.map { "'\($0)'" } ?? "#\(index)" }
}

/// How the plan is carried out with the customer.
public struct Execution: Sendable, Hashable {
    /// The proactive status check-in.
    public struct CheckIn: Sendable, Hashable {
        /// Where it is written.
        public var location: SourceLocation
        /// How often.
        public var every: PlanField<PlanDuration>
        /// In what form.
        public var how: PlanField<String>
    }

    /// Work passing from one group to another.
    public struct Handoff: Sendable, Hashable {
        /// Where the entry starts.
        public var location: SourceLocation
        /// 1-based position in the list.
        public var index: Int
        /// The group handing over.
        public var from: PlanField<String>
        /// The group taking over.
        public var to: PlanField<String>
        /// Who owns the handoff.
        public var owner: PlanField<PersonReference>
        /// When it happens.
        public var on: PlanField<PlanDate>
        /// What it must carry.
        public var carries: PlanField<[Located<String>]>

        /// `Sales → Delivery`, or `#2`.
        public var label: String {
            if let from = from.value, let to = to.value { return "\(from) → \(to)" }
            return "#\(index)"
        }
    }

    /// Who responds when something breaks, and how fast.
    public struct Recovery: Sendable, Hashable {
        /// Where it is written.
        public var location: SourceLocation
        /// Who responds.
        public var owner: PlanField<PersonReference>
        /// How fast.
        public var respondWithin: PlanField<PlanDuration>
    }

    /// Where the section starts.
    public var location: SourceLocation
    /// The check-in.
    public var checkIn: PlanField<CheckIn>
    /// The handoffs.
    public var handoffs: PlanField<[Handoff]>
    /// The recovery.
    public var recovery: PlanField<Recovery>
}

/// When and how a promise is measured.
public struct Outcome: Sendable, Hashable {
    /// Where the entry starts.
    public var location: SourceLocation
    /// 1-based position in the list.
    public var index: Int
    /// The id of the promise measured.
    public var promise: PlanField<String>
    /// When it is measured.
    public var measuredOn: PlanField<PlanDate>
    /// The result, once measured.
    public var result: PlanField<String>
}

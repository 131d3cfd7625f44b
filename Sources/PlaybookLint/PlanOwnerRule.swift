internal import PlaybookDiagnostics
internal import PlaybookModel

/// `plan/owner`: every task has exactly one owner from the team.
struct PlanOwnerRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "plan/owner"
    let defaultSeverity = Severity.error
    let summary = "A task has no `owner`, a list of owners, or an owner who is not on `team`."
    let rationale = """
        "Data team" owns nothing; a named person can say on any day where the task stands. One \
        owner per task, from the team, is what lets the accountable person and the customer ask \
        one person and get an answer.
        """
    let step: String? = "plan"
    let enforces = "framework/plan.md#what-good-looks-like"
    let failingExample = """
        plan:
          - id: import-depots
            task: Import depot and fleet data
            owner: [Sam Ortiz, Lee Park]
        """
    let passingExample = """
        plan:
          - id: import-depots
            task: Import depot and fleet data
            owner: Sam Ortiz
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        input.tasks.compactMap { task -> RuleFinding? in
            switch task.owner {
            case .missing, .empty:
                return RuleFinding(
                    at: task.owner.location ?? task.location, "task \(task.label) has no owner",
                    hint: "add 'owner:' with one name from the team")
            case .invalid:
                return nil
            case .value(let reference, let location):
                switch Roster.match(reference, in: input.roster) {
                case .member:
                    return nil
                case .several(let names):
                    return RuleFinding(
                        at: location, "task \(task.label) has more than one owner (\(names.joined(separator: ", ")))",
                        hint: "give it one owner; split the task if two people really share it")
                case .stranger(let name, let hint):
                    return RuleFinding(
                        at: name.location, "task \(task.label) is owned by '\(name.value)', who is not on the team", hint: hint)
                }
            }
        }
    }
}

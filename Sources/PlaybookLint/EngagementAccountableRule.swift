internal import PlaybookDiagnostics
internal import PlaybookModel

/// `engagement/accountable`: exactly one person on the team answers to the customer.
struct EngagementAccountableRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "engagement/accountable"
    let defaultSeverity = Severity.error
    let summary = "`accountable` is missing, names more than one person, or names nobody on `team`."
    let rationale = """
        Customers get lost between departments when nobody owns the whole engagement. One named \
        person who answers for everything, and who is on the team doing the work, is what makes \
        the experience feel like one company rather than a relay of handoffs.
        """
    let step: String? = "plan"
    let enforces = "principles/one-company.md#one-stop-accountability"
    let failingExample = """
        accountable: [Dana Reyes, Sam Ortiz]
        """
    let passingExample = """
        accountable: Dana Reyes
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        let hint = "name the one person on the team who answers to the customer"
        switch input.plan.accountable {
        case .missing:
            return [RuleFinding(at: input.plan.location, "nobody is named 'accountable'", hint: hint)]
        case .empty(let location):
            return [RuleFinding(at: location, "'accountable' names nobody", hint: hint)]
        case .invalid:
            return []
        case .value(let reference, let location):
            switch Roster.match(reference, in: input.roster) {
            case .member:
                return []
            case .several(let names):
                return [
                    RuleFinding(
                        at: location, "'accountable' names more than one person (\(names.joined(separator: ", ")))",
                        hint: "keep one; the others can own tasks")
                ]
            case .stranger(let name, let hint):
                return [RuleFinding(at: name.location, "'accountable' names '\(name.value)', who is not on the team", hint: hint)]
            }
        }
    }
}

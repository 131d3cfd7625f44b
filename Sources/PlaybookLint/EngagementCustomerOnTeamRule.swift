internal import PlaybookDiagnostics
internal import PlaybookModel

/// `engagement/customer-on-team`: someone from the customer's side is on the team.
struct EngagementCustomerOnTeamRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "engagement/customer-on-team"
    let defaultSeverity = Severity.warning
    let summary = "Nobody on `team` has `side: customer` (commitments are joint)."
    let rationale = """
        A promise is joint: the customer owes access, data, decisions and people's time. When \
        nobody from the customer's side is on the team, those commitments have no owner, and \
        the first slip on their side becomes a surprise on yours.
        """
    let step: String? = "promise"
    let enforces = "framework/promise.md#what-good-looks-like"
    let failingExample = """
        team:
          - name: Dana Reyes
            role: Engagement lead
          - name: Sam Ortiz
            role: Data engineer
        """
    let passingExample = """
        team:
          - name: Dana Reyes
            role: Engagement lead
          - name: Lee Park
            role: IT lead
            side: customer
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        guard case .value(let members, let location) = input.plan.team, !members.isEmpty,
            !members.contains(where: { if case .invalid = $0.side { true } else { false } }),
            !members.contains(where: { $0.side.value == .customer })
        else { return [] }
        return [
            RuleFinding(
                at: location, "nobody on the team is from the customer's side",
                hint: "add the customer's people with 'side: customer'; they own their side of the commitments")
        ]
    }
}

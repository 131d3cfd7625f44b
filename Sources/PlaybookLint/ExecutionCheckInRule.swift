internal import PlaybookDiagnostics
internal import PlaybookModel

/// `execution/check-in`: a proactive status check-in, at least as often as the limit.
struct ExecutionCheckInRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "execution/check-in"
    let defaultSeverity = Severity.error
    let summary = "No proactive status check-in, or one rarer than the limit (default: every 2 weeks)."
    let rationale = """
        A customer who has to chase you for news is already losing trust. Check where every task \
        stands and tell the customer first, on a fixed rhythm agreed with them. The limit is set \
        under lint.limits.check-in in playbook.yml.
        """
    let step: String? = "execution"
    let enforces = "principles/ownership.md#check-status-and-tell-the-customer-first"
    let failingExample = """
        execution:
          check-in:
            every: 4 weeks
            how: Monthly steering meeting
        """
    let passingExample = """
        execution:
          check-in:
            every: 1 week
            how: Tuesday call, then a written summary the same day
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        guard case .value(let execution, let location) = input.plan.execution else { return [] }
        let limit = input.limits.checkIn
        switch execution.checkIn {
        case .missing, .empty:
            return [
                RuleFinding(
                    at: execution.checkIn.location ?? location, "there is no proactive status check-in",
                    hint: "add 'check-in:' with 'every:' (at most \(limit)) and 'how:'; tell the customer before they ask")
            ]
        case .invalid:
            return []
        case .value(let checkIn, let checkInLocation):
            switch checkIn.every {
            case .missing, .empty:
                return [
                    RuleFinding(
                        at: checkIn.every.location ?? checkInLocation, "the check-in does not say how often it happens",
                        hint: "add 'every:', such as '1 week' (at most \(limit))")
                ]
            case .value(let every, let everyLocation) where every.hours > limit.hours + 1e-9:
                return [
                    RuleFinding(
                        at: everyLocation, "a check-in every \(every) is rarer than the limit of every \(limit)",
                        hint: "check in at least every \(limit); a customer who has to ask for news is losing trust")
                ]
            default:
                return []
            }
        }
    }
}

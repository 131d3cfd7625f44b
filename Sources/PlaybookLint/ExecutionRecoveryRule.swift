internal import PlaybookDiagnostics
internal import PlaybookModel

/// `execution/recovery`: someone on the team responds when something breaks, fast enough.
struct ExecutionRecoveryRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "execution/recovery"
    let defaultSeverity = Severity.error
    let summary =
        "No recovery `owner` on `team`, or a `respond-within` longer than the limit (default: 1 business day)."
    let rationale = """
        Something will go wrong. What the customer remembers is how fast someone picked it up \
        and how plainly it was fixed. Name that person in advance and promise a response time; \
        the limit is set under lint.limits.respond-within in playbook.yml.
        """
    let step: String? = "execution"
    let enforces = "principles/four-traits.md#remarkable-recovery"
    let failingExample = """
        recovery:
          owner: Dana Reyes
          respond-within: 3 days
        """
    let passingExample = """
        recovery:
          owner: Dana Reyes
          respond-within: 4 hours
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        guard case .value(let execution, let location) = input.plan.execution else { return [] }
        let limit = input.limits.respondWithin
        guard case .value(let recovery, let recoveryLocation) = execution.recovery else {
            if case .invalid = execution.recovery { return [] }
            return [
                RuleFinding(
                    at: execution.recovery.location ?? location, "nobody is named to respond when something breaks",
                    hint: "add 'recovery:' with 'owner:' and 'respond-within:' (at most \(limit))")
            ]
        }
        var findings: [RuleFinding] = []
        switch recovery.owner {
        case .missing, .empty:
            findings.append(
                RuleFinding(
                    at: recovery.owner.location ?? recoveryLocation, "the recovery has no owner",
                    hint: "add 'owner:' with the one person on the team who responds"))
        case .value(let reference, let ownerLocation):
            switch Roster.match(reference, in: input.roster) {
            case .member: break
            case .several(let names):
                findings.append(
                    RuleFinding(at: ownerLocation, "the recovery has more than one owner (\(names.joined(separator: ", ")))", hint: "name one person"))
            case .stranger(let person, let hint):
                findings.append(
                    RuleFinding(at: person.location, "the recovery owner '\(person.value)' is not on the team", hint: hint))
            }
        case .invalid: break
        }
        switch recovery.respondWithin {
        case .missing, .empty:
            findings.append(
                RuleFinding(
                    at: recovery.respondWithin.location ?? recoveryLocation, "the recovery does not say how fast ('respond-within')",
                    hint: "add 'respond-within:', such as '4 hours' (at most \(limit))"))
        case .value(let within, let withinLocation) where within.hours > limit.hours + 1e-9:
            findings.append(
                RuleFinding(
                    at: withinLocation, "a response within \(within) is slower than the limit of \(limit)",
                    hint: "respond within \(limit) at most; a slow fix feels like a second problem"))
        default: break
        }
        return findings
    }
}

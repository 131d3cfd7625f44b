internal import PlaybookDiagnostics
internal import PlaybookModel

/// `execution/handoff`: every handoff has an owner, a date inside the engagement and a load.
struct ExecutionHandoffRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "execution/handoff"
    let defaultSeverity = Severity.error
    let summary =
        "A handoff with no `owner` on `team`, no `on` date inside the engagement, or nothing in `carries`."
    let rationale = """
        Customers get lost between departments and partners: the promise made in sales never \
        reaches delivery, or the partner never hears what was agreed. A handoff with a named \
        owner, a date and a list of what it must carry keeps the promise intact across the gap.
        """
    let step: String? = "execution"
    let enforces = "checklists/handoff.md"
    let failingExample = """
        handoffs:
          - from: Sales
            to: Delivery
            on: 2026-01-12
        """
    let passingExample = """
        handoffs:
          - from: Sales
            to: Delivery
            owner: Dana Reyes
            on: 2026-01-12
            carries: [signed scope, customer contacts, expectations said aloud]
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        guard case .value(let execution, _) = input.plan.execution, let handoffs = execution.handoffs.value else { return [] }
        var findings: [RuleFinding] = []
        for handoff in handoffs {
            let name = "handoff '\(handoff.label)'"
            switch handoff.owner {
            case .missing, .empty:
                findings.append(
                    RuleFinding(
                        at: handoff.owner.location ?? handoff.location, "\(name) has no owner",
                        hint: "add 'owner:' with the one person who sees it through"))
            case .value(let reference, let location):
                switch Roster.match(reference, in: input.roster) {
                case .member: break
                case .several(let names):
                    findings.append(
                        RuleFinding(at: location, "\(name) has more than one owner (\(names.joined(separator: ", ")))", hint: "give it one owner"))
                case .stranger(let person, let hint):
                    findings.append(
                        RuleFinding(at: person.location, "\(name) is owned by '\(person.value)', who is not on the team", hint: hint))
                }
            case .invalid: break
            }
            switch handoff.on {
            case .missing, .empty:
                findings.append(
                    RuleFinding(at: handoff.on.location ?? handoff.location, "\(name) has no date ('on')", hint: "add 'on:' with the day it happens"))
            case .value(let date, let location):
                if let dates = input.dates, date < dates.start || date > dates.end {
                    findings.append(
                        RuleFinding(
                            at: location, "\(name) is on \(date), outside the engagement (\(dates.start) to \(dates.end))",
                            hint: "date it between 'start' and 'end'"))
                }
            case .invalid: break
            }
            if handoff.carries.isUnset {
                findings.append(
                    RuleFinding(
                        at: handoff.carries.location ?? handoff.location, "\(name) carries nothing",
                        hint: "list what it must carry in 'carries:', such as the scope, contacts and expectations said aloud"))
            }
        }
        return findings
    }
}

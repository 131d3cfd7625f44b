internal import PlaybookDiagnostics
internal import PlaybookModel

/// `schema/invalid`: the plan cannot be read as the format describes it.
struct SchemaInvalidRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "schema/invalid"
    let defaultSeverity = Severity.error
    let summary =
        "The front matter is not valid YAML, a field has the wrong type, a date or duration does not parse, or a required field of an entry is missing."
    let rationale = """
        Every other rule reads the plan's structure. When a value cannot be read, the lint cannot \
        tell whether the plan keeps its promises, and neither can a person skimming it. Dates are \
        written YYYY-MM-DD; durations are a number and a unit (hours, days, business days, weeks, \
        person-days, person-weeks). Required fields: customer, team, start and end; a team \
        member's name and role; a promise's id and baseline; a task's id, task and due date; \
        the check-in's how; a handoff's from and to; an outcome's promise and measured-on date.
        """
    let step: String? = nil
    let enforces = "plans/_index.md#how-to-write-one"
    let failingExample = """
        start: 12 January 2026
        plan:
          - id: import-depots
            owner: Sam Ortiz
            due: 2026-01-30
            serves: [planning-time]
        """
    let passingExample = """
        start: 2026-01-12
        plan:
          - id: import-depots
            task: Import depot and fleet data
            owner: Sam Ortiz
            due: 2026-01-30
            serves: [planning-time]
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        input.problems.filter { $0.reason == .invalid }.map {
            RuleFinding(at: $0.location, $0.message, hint: $0.hint, step: $0.step)
        }
    }
}

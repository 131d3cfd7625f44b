internal import PlaybookDiagnostics
internal import PlaybookModel

/// `promise/effort`: every promise says the effort it takes.
struct PromiseEffortRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "promise/effort"
    let defaultSeverity = Severity.error
    let summary = "A promise does not say the `effort` to get there."
    let rationale = """
        A promise without an effort estimate is a hope: nobody has checked that the people and \
        the time to deliver it exist. Customers plan around your estimate too, so say it in \
        person-days or person-weeks, for both sides.
        """
    let step: String? = "promise"
    let enforces = "framework/promise.md#what-good-looks-like"
    let failingExample = """
        promise:
          - id: planning-time
            outcome: Dispatchers plan a day's routes in under 30 minutes
            measure: Median minutes per dispatcher per day, from the planner's log
            baseline: 240 minutes
            target: 30 minutes
        """
    let passingExample = """
        promise:
          - id: planning-time
            outcome: Dispatchers plan a day's routes in under 30 minutes
            measure: Median minutes per dispatcher per day, from the planner's log
            baseline: 240 minutes
            target: 30 minutes
            effort: 6 person-weeks
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        input.promises.filter(\.effort.isUnset).map { promise in
            RuleFinding(
                at: promise.effort.location ?? promise.location, "promise \(promise.label) does not say the effort to reach it",
                hint: "add 'effort:' in person-days or person-weeks, such as '3 person-weeks'")
        }
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel

/// `promise/measurable`: every promise has an outcome, a measure and a target.
struct PromiseMeasurableRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "promise/measurable"
    let defaultSeverity = Severity.error
    let summary = "A promise lacks `outcome`, `measure` or `target`."
    let rationale = """
        If you cannot say how an outcome will be measured and what number counts as success, \
        you cannot prove you delivered it, and the customer will judge it by their own, more \
        generous, reading. An outcome in the customer's words, a measure with its source and a \
        target make the promise checkable by both sides.
        """
    let step: String? = "promise"
    let enforces = "framework/promise.md#what-good-looks-like"
    let failingExample = """
        promise:
          - id: planning-time
            outcome: Dispatchers plan a day's routes in under 30 minutes
            baseline: 240 minutes
            effort: 6 person-weeks
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
        input.promises.compactMap { promise -> RuleFinding? in
            let missing = [("outcome", promise.outcome), ("measure", promise.measure), ("target", promise.target)]
                .filter { $0.1.isUnset }.map(\.0)
            guard !missing.isEmpty else { return nil }
            return RuleFinding(
                at: promise.location, "promise \(promise.label) has no \(Self.list(missing))",
                hint: "a promise needs an outcome, a measure and a target, so both sides can tell when it is met")
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    static func list(_ words: [String]) -> String {
        guard let last = words.last, words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel

/// `outcomes/trace`: outcomes and promises match one to one.
struct OutcomesTraceRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "outcomes/trace"
    let defaultSeverity = Severity.error
    let summary = "An outcome names a promise that does not exist, or a promise has no outcome entry."
    let rationale = """
        Without a measurement, "we delivered" is only your opinion. Every promise needs an \
        outcome entry saying when it will be measured, and every outcome must measure a promise \
        that was actually made.
        """
    let step: String? = "outcomes"
    let enforces = "framework/outcomes.md#what-good-looks-like"
    let failingExample = """
        promise:
          - id: planning-time
          - id: fewer-miles
        outcomes:
          - promise: planning-time
            measured-on: 2026-03-13
        """
    let passingExample = """
        promise:
          - id: planning-time
          - id: fewer-miles
        outcomes:
          - promise: planning-time
            measured-on: 2026-03-13
          - promise: fewer-miles
            measured-on: 2026-03-13
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        guard let outcomes = input.plan.outcomes.value, let promiseIDs = input.promiseIDs else { return [] }
        var findings: [RuleFinding] = []
        for outcome in outcomes {
            guard let promise = outcome.promise.located, !promiseIDs.contains(promise.value) else { continue }
            findings.append(
                RuleFinding(
                    at: promise.location, "outcome #\(outcome.index) measures '\(promise.value)', which is not a promise",
                    hint: Suggestions.didYouMean(promise.value, in: promiseIDs.sorted())
                        ?? "the promises are: \(promiseIDs.sorted().joined(separator: ", "))"))
        }
        let measured = Set(outcomes.compactMap(\.promise.value))
        for promise in input.promises {
            guard let id = promise.id.value, !measured.contains(id) else { continue }
            findings.append(
                RuleFinding(
                    at: promise.location, "promise '\(id)' has no outcome entry, so nothing says when it is measured",
                    hint: "add '- promise: \(id)' with 'measured-on:' under 'outcomes'"))
        }
        return findings
    }
}

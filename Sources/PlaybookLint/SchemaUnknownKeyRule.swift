internal import PlaybookDiagnostics
internal import PlaybookModel

/// `schema/unknown-key`: a key the plan format does not know, usually a typo.
struct SchemaUnknownKeyRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "schema/unknown-key"
    let defaultSeverity = Severity.error
    let summary = "A key the plan format does not know (usually a typo: the nearest known key is suggested)."
    let rationale = """
        A misspelt key is silently ignored by everything that reads the plan: write `acountable` \
        and the plan has no accountable person, even though the page looks complete. Failing on \
        unknown keys turns that silent gap into a one-line fix.
        """
    let step: String? = nil
    let enforces = "plans/_index.md#how-to-write-one"
    let failingExample = """
        acountable: Dana Reyes
        """
    let passingExample = """
        accountable: Dana Reyes
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        input.problems.filter { $0.reason == .unknownKey }.map {
            RuleFinding(at: $0.location, $0.message, hint: $0.hint, step: $0.step)
        }
    }
}

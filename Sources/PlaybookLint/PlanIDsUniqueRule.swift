internal import PlaybookDiagnostics
internal import PlaybookModel

/// `plan/ids-unique`: promise ids and task ids are each unique.
struct PlanIDsUniqueRule: LintRule {
    /// Creates the rule.
    init() {}
    let id = "plan/ids-unique"
    let defaultSeverity = Severity.error
    let summary = "Two promises or two tasks share an `id`."
    let rationale = """
        Tasks say which promises they serve and outcomes say which promise they measure, both by \
        id. When two entries share an id, every reference to it is ambiguous, and the trace from \
        promise to task to outcome no longer holds.
        """
    let step: String? = "plan"
    let enforces = "framework/plan.md#what-good-looks-like"
    let failingExample = """
        plan:
          - id: import
            task: Import depot data
          - id: import
            task: Import fleet data
        """
    let passingExample = """
        plan:
          - id: import-depots
            task: Import depot data
          - id: import-fleet
            task: Import fleet data
        """

    func check(_ input: LintInput) -> [RuleFinding] {
        duplicates(input.promises.map(\.id), what: "promises", step: "promise")
            + duplicates(input.tasks.map(\.id), what: "tasks", step: "plan")
    }

    private func duplicates(_ ids: [PlanField<String>], what: String, step: String) -> [RuleFinding] {
        var first: [String: SourceLocation] = [:]
        var findings: [RuleFinding] = []
        for case .value(let id, let location) in ids {
            if let earlier = first[id] {
                findings.append(
                    RuleFinding(
                        at: location, "two \(what) share the id '\(id)' (the first is on line \(earlier.line))",
                        hint: "give each its own id; references by id must name one entry", step: step))
            } else {
                first[id] = location
            }
        }
        return findings
    }
}

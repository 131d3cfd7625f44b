/// Every lint rule, in the order of docs/engagement-plans.md: the plan rules, then the page rules. The linter runs these; the
/// site's `/lint/` pages and SARIF's rule list are generated from them.
public enum LintRegistry {
    /// The rules, in documentation order.
    public static let rules: [any LintRule] = [
        SchemaInvalidRule(),
        SchemaUnknownKeyRule(),
        FrameworkStepsRule(),
        EngagementAccountableRule(),
        EngagementDatesRule(),
        EngagementCustomerOnTeamRule(),
        PromiseMeasurableRule(),
        PromiseEffortRule(),
        PromiseVagueRule(),
        PlanIDsUniqueRule(),
        PlanServesRule(),
        PlanCoverageRule(),
        PlanOwnerRule(),
        PlanDueRule(),
        PlanBufferRule(),
        PlanChecklistRule(),
        ExecutionCheckInRule(),
        ExecutionHandoffRule(),
        ExecutionRecoveryRule(),
        OutcomesTraceRule(),
        OutcomesTimingRule(),
        PageOwnerMissingRule(),
        PageOwnerUnknownRule(),
        PageReviewOverdueRule(),
        PageReviewInvalidRule(),
        PageMovedWithoutAliasRule(),
    ]

    /// The rule ids, in documentation order.
    public static let ruleIDs: [String] = rules.map(\.id)

    /// The rules about any page (owner and review), in documentation order.
    public static let pageRules: [any PageLintRule] = rules.compactMap { $0 as? any PageLintRule }

    /// The rule with the given id.
    public static func rule(id: String) -> (any LintRule)? { rules.first { $0.id == id } }
}

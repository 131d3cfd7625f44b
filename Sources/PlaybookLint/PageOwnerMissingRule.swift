internal import PlaybookDiagnostics
internal import PlaybookModel

/// `page/owner-missing`: a page names no `owner`, when `freshness.require-owner` asks for one.
struct PageOwnerMissingRule: PageLintRule {
    /// The rule's id, for the linter's severity from `require-owner`.
    static let ruleID = "page/owner-missing"
    /// Creates the rule.
    init() {}
    let id = ruleID
    let defaultSeverity = Severity.warning
    let summary = "A page has no `owner` while `freshness.require-owner` in `playbook.yml` is `warning` or `error`."
    let rationale = """
        A page nobody owns is a page nobody keeps true. One named person or team is who readers \
        ask when it is wrong and who reviews it when it is due. The severity comes from \
        `require-owner` (off by default, so the rule runs only on sites that ask for owners).
        """
    let step: String? = nil
    let enforces = "principles/ownership.md#the-traits-of-an-owner"
    let failingExample = """
        title: Handling a complaint
        reviewed: 2026-05-04
        """
    let passingExample = """
        title: Handling a complaint
        owner: Support team
        reviewed: 2026-05-04
        """

    func check(page input: PageLintInput) -> [RuleFinding] {
        guard input.freshness.owner == nil else { return [] }
        return [
            RuleFinding(
                at: input.firstLine, "the page has no owner, so nobody is asked to keep it true",
                hint: "add 'owner:' with one person or team to the front matter")
        ]
    }
}

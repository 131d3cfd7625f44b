internal import PlaybookDiagnostics
internal import PlaybookModel

/// `page/owner-unknown`: a page's `owner` is not one of the site's `owners:`.
struct PageOwnerUnknownRule: PageLintRule {
    /// Creates the rule.
    init() {}
    let id = "page/owner-unknown"
    let defaultSeverity = Severity.error
    let summary = "A page's `owner` is not listed under `owners:` in `playbook.yml` (checked only when `owners:` is there)."
    let rationale = """
        An owner readers cannot reach is no owner. The site's `owners:` says who may own pages and \
        how to contact them; a name outside it is usually a typo or someone who has moved on, and \
        either way the page's questions go nowhere.
        """
    let step: String? = nil
    let enforces = "principles/ownership.md#the-traits-of-an-owner"
    let failingExample = """
        title: Handling a complaint
        owner: Priya Nayr
        """
    let passingExample = """
        title: Handling a complaint
        owner: Priya Nair
        """

    func check(page input: PageLintInput) -> [RuleFinding] {
        guard let owners = input.settings.owners, let owner = input.freshness.owner, !owners.contains(owner.value) else {
            return []
        }
        let hint: String
        if let exact = owners.first(where: { $0.lowercased() == owner.value.lowercased() }) {
            hint = "the case differs: did you mean '\(exact)'?"
        } else if let near = Suggestions.didYouMean(owner.value, in: owners) {
            hint = near
        } else {
            hint = owners.isEmpty ? "add them under 'owners:' in playbook.yml" : "the owners are: \(owners.joined(separator: ", ")); or add them under 'owners:' in playbook.yml"
        }
        return [RuleFinding(at: owner.location, "the page is owned by '\(owner.value)', who is not listed under 'owners' in playbook.yml", hint: hint)]
    }
}

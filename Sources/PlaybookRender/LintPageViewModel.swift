internal import PlaybookDiagnostics
internal import Foundation
internal import PlaybookMarkdown
internal import PlaybookModel

/// The values of the generated lint pages: one per rule (`lint-rule.mustache`) and the index
/// (`lint-index.mustache`), from the build's `LintFacts` and the site's pages.
struct LintPageViewModel {
    /// Template names this view model provides, for the template check.
    static let keys: Set<String> = [
        "rule", "rules", "hasRules", "segments", "isCode", "rationale", "failing", "passing", "step", "stepURL",
        "hasStep", "enforcesURL", "hasEnforcesURL", "enforcesTitle", "defaultSeverity", "configured", "isOff", "isChanged",
        "configExample", "enforcesSection", "hasEnforcesSection", "index", "indexURL", "limits", "buffer", "checkIn", "respondWithin", "failBuild",
    ]

    let site: Site
    /// The rules, steps and settings the pages show.
    let lint: LintFacts

    /// The `lint:` section with every setting, as the index page shows it.
    static let indexExample = """
        lint:
          fail-build: true
          rules:
            promise/vague: error
          limits:
            buffer: 10%
            check-in: 2 weeks
            respond-within: 1 business day
        """

    /// The context of the page of `rule`.
    func ruleContext(_ rule: LintRulePage) -> [String: Any] {
        ["rule": values(rule), "indexURL": lint.indexURL]
    }

    /// The text of the Markdown heading of `page` whose anchor is `anchor` (ATX headings).
    static func heading(_ anchor: String, in page: Page) -> String? {
        for line in page.body.split(separator: "\n") where line.hasPrefix("#") {
            let text = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            if Slugger.slug(text) == anchor { return text }
        }
        return nil
    }

    /// The context of the index page.
    func indexContext() -> [String: Any] {
        let rules = lint.rules.map(values)
        let limits: [String: Any] = [
            "buffer": lint.settings.buffer, "checkIn": lint.settings.checkIn,
            "respondWithin": lint.settings.respondWithin, "failBuild": lint.settings.failBuild,
        ]
        return [
            "rules": rules, "hasRules": !rules.isEmpty, "limits": limits, "indexURL": lint.indexURL,
            "configExample": Self.indexExample,
        ]
    }

    private func values(_ rule: LintRulePage) -> [String: Any] {
        let configured = rule.configuredSeverity
        let step = rule.stepID.flatMap { lint.steps[$0] }
        let parts = rule.enforces.split(separator: "#", maxSplits: 1).map(String.init)
        let enforcedPage = site.pageIndexBySource[parts.first ?? ""].map { site.pages[$0] }
        let section = parts.count == 2 ? enforcedPage.flatMap { Self.heading(parts[1], in: $0) } : nil
        return [
            "id": rule.id, "url": rule.url, "summary": InlineCode.segments(rule.summary),
            "rationale": InlineCode.segments(rule.rationale), "failing": rule.failingExample,
            "passing": rule.passingExample, "defaultSeverity": rule.defaultSeverity.rawValue,
            "configured": configured?.rawValue ?? "off", "isOff": configured == nil,
            "isChanged": configured != rule.defaultSeverity,
            "hasStep": step != nil, "step": step?.title ?? "", "stepURL": step?.url ?? "",
            "enforcesTitle": enforcedPage?.title ?? rule.enforces,
            "enforcesURL": enforcedPage == nil ? "" : rule.enforcesURL, "hasEnforcesURL": enforcedPage != nil,
            "enforcesSection": section ?? "", "hasEnforcesSection": section != nil,
            "configExample": "lint:\n  rules:\n    \(rule.id): \(rule.defaultSeverity == .error ? "warning" : "error")",
        ]
    }
}

/// The output formats of `playbook lint`.
public enum LintFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message [rule-id]`, an indented hint line, then a summary.
    case text
    /// One JSON object with a summary and every finding.
    case json
    /// SARIF 2.1.0, one run, every rule with a link to its page.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…,line=…::message`).
    case github
    /// Markdown for a CI job's summary page: pages overdue for review grouped by owner, then the
    /// other findings.
    case summary

    /// The report in this format, ending with a newline.
    ///
    /// - Parameters:
    ///   - report: the run's findings.
    ///   - links: where rule pages are published.
    ///   - rules: the rules the run used (SARIF lists them).
    public func render(_ report: LintReport, links: LintLinks, rules: [any LintRule] = LintRegistry.rules) -> String {
        switch self {
        case .text: TextReporter.render(report)
        case .json: JSONReporter.render(report)
        case .sarif: SARIFReporter.render(report, links: links, rules: rules)
        case .github: GitHubReporter.render(report)
        case .summary: SummaryReporter.render(report)
        }
    }
}

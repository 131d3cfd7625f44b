internal import PlaybookDiagnostics
internal import PlaybookModel

/// SARIF 2.1.0 (OASIS): one run of the `playbook-lint` driver, listing every rule with its
/// page as `helpUri`, and one result per finding with its file, line and column.
enum SARIFReporter {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    static let toolName = "playbook-lint"
    static let toolVersion = "0.1.0"

    static func render(_ report: LintReport, links: LintLinks, rules: [any LintRule]) -> String {
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let driver = JSONValue.object(
            ("name", .string(toolName)),
            ("version", .string(toolVersion)),
            ("informationUri", .string(links.index)),
            ("rules", .array(rules.map { descriptor($0, links: links) })))
        let run = JSONValue.object(
            ("tool", .object(("driver", driver))),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(report.findings.map { result($0, index: ruleIndex[$0.ruleID]) })))
        let log = JSONValue.object(
            ("$schema", .string(schema)), ("version", .string("2.1.0")), ("runs", .array([run])))
        return log.serialized() + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    static func descriptor(_ rule: any LintRule, links: LintLinks) -> JSONValue {
        let help = links.rule(rule.id)
        return .object(
            ("id", .string(rule.id)),
            ("name", .string(name(of: rule.id))),
            ("shortDescription", .object(("text", .string(plain(rule.summary))))),
            ("fullDescription", .object(("text", .string(plain(rule.rationale))))),
            ("helpUri", .string(help)),
            ("help", .object(("text", .string("\(plain(rule.summary)) See \(help)")))),
            ("defaultConfiguration", .object(("level", .string(level(rule.defaultSeverity))))),
            ("properties", rule.step.map { .object(("tags", .array([.string($0)]))) }))
    }

    static func result(_ finding: LintFinding, index: Int?) -> JSONValue {
        var text = finding.diagnostic.message
        if let advice = finding.advice { text += " (\(advice))" }
        let location = finding.location
        var region: JSONValue?
        if location.line > 0 {
            region = .object(("startLine", .int(location.line)), ("startColumn", location.column > 0 ? .int(location.column) : nil))
        }
        let physical = JSONValue.object(
            ("artifactLocation", .object(("uri", .string(PageLocation.percentEncode(location.file))))),
            ("region", region))
        return .object(
            ("ruleId", .string(finding.ruleID)),
            ("ruleIndex", index.map(JSONValue.int)),
            ("level", .string(level(finding.severity))),
            ("message", .object(("text", .string(text)))),
            ("locations", .array([.object(("physicalLocation", physical))])))
    }

    /// `plan/ids-unique` → `PlanIdsUnique`: SARIF's `name` is an identifier-like word.
    static func name(of id: String) -> String {
        id.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Summary text without Markdown backticks.
    static func plain(_ text: String) -> String { text.filter { $0 != "`" } }
}

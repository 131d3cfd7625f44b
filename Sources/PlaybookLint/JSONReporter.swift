internal import PlaybookDiagnostics

/// The JSON form: a summary and every finding, keys in a fixed order.
enum JSONReporter {
    static func render(_ report: LintReport) -> String {
        let summary = JSONValue.object(
            ("files", .int(report.files.count)), ("plans", .int(report.planCount)),
            ("errors", .int(report.count(.error))), ("warnings", .int(report.count(.warning))),
            ("notes", .int(report.count(.note))))
        let root = JSONValue.object(
            ("version", .int(1)), ("summary", summary), ("findings", .array(report.findings.map(finding))))
        return root.serialized() + "\n"
    }

    static func finding(_ finding: LintFinding) -> JSONValue {
        let location = finding.location
        return .object(
            ("rule", .string(finding.ruleID)),
            ("severity", .string(finding.severity.rawValue)),
            ("file", .string(location.file)),
            ("line", location.line > 0 ? .int(location.line) : nil),
            ("column", location.column > 0 ? .int(location.column) : nil),
            ("message", .string(finding.diagnostic.message)),
            ("hint", finding.advice.map(JSONValue.string)),
            ("step", finding.stepTitle.map(JSONValue.string)),
            ("stepURL", finding.stepURL.map(JSONValue.string)),
            ("help", finding.helpURL.map(JSONValue.string)))
    }
}

internal import PlaybookDiagnostics

/// The compiler-style text form.
enum TextReporter {
    static func render(_ report: LintReport) -> String {
        var lines = report.findings.map(\.diagnostic.description)
        lines.append(report.summary)
        return lines.joined(separator: "\n") + "\n"
    }
}

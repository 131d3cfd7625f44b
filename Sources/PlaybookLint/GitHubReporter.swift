internal import PlaybookDiagnostics

/// GitHub Actions workflow commands: one annotation per finding, shown on the pull request's
/// files. See "Workflow commands for GitHub Actions" (`::error file=…,line=…,col=…,title=…::`).
enum GitHubReporter {
    static func render(_ report: LintReport) -> String {
        report.findings.map(annotation).map { $0 + "\n" }.joined()
    }

    static func annotation(_ finding: LintFinding) -> String {
        let command: String
        switch finding.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties = ["file=\(escapeProperty(finding.location.file))"]
        if finding.location.line > 0 { properties.append("line=\(finding.location.line)") }
        if finding.location.column > 0 { properties.append("col=\(finding.location.column)") }
        properties.append("title=\(escapeProperty(finding.ruleID))")
        var message = finding.diagnostic.message
        if let hint = finding.diagnostic.hint { message += "\n" + hint }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// Escapes a command's message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// Escapes a property value: as a message, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel

/// A Markdown summary for a CI job's page (GitHub's `$GITHUB_STEP_SUMMARY`): the pages overdue
/// for review grouped by owner, each with its review date, due date and days overdue; then the
/// other findings counted by rule and listed in a folded section; then the run's summary line.
enum SummaryReporter {
    static let overdueRule = "page/review-overdue"
    static let unknownOwnerRule = "page/owner-unknown"

    static func render(_ report: LintReport) -> String {
        let overdue = report.findings.filter { $0.ruleID == overdueRule }
        let pageCount = report.files.filter(\.isPage).count
        var lines = ["## Page reviews", ""]
        let asOf = report.today.map { " as of \($0)" } ?? ""
        if overdue.isEmpty {
            lines.append("No page is overdue for review\(asOf) (\(plural(pageCount, "page")) checked).")
        } else {
            lines.append("\(plural(overdue.count, "page")) of \(pageCount) \(overdue.count == 1 ? "is" : "are") overdue for review\(asOf).")
            lines += overdueTables(overdue, report: report)
        }
        let others = report.findings.filter { $0.ruleID != overdueRule }
        if !others.isEmpty { lines += otherFindings(others) }
        let verdict = report.failed(strict: false) ? " — the run fails on the errors" : ""
        lines += ["", "`\(report.summary)`\(verdict)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// One table per owner (`No owner` last), most overdue first.
    private static func overdueTables(_ overdue: [LintFinding], report: LintReport) -> [String] {
        let byFile = Dictionary(report.files.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let unknown = Set(report.findings.filter { $0.ruleID == unknownOwnerRule }.map(\.location.file))
        var groups: [String?: [(finding: LintFinding, status: PageStatus)]] = [:]
        for finding in overdue {
            let status = byFile[finding.location.file]?.page ?? PageStatus()
            groups[status.owner, default: []].append((finding, status))
        }
        let owners = groups.keys.sorted { ownerOrder($0, $1) }
        var lines: [String] = []
        for owner in owners {
            let pages = (groups[owner] ?? []).sorted { pageOrder($0, $1) }
            let name = owner.map(escaped) ?? "No owner"
            let note = owner != nil && pages.contains { unknown.contains($0.finding.location.file) } ? " — not listed under `owners:`" : ""
            lines += ["", "### \(name) (\(plural(pages.count, "page")))\(note)", ""]
            lines += ["| Page | Reviewed | Due | Overdue by |", "| --- | --- | --- | --- |"]
            for (finding, status) in pages {
                let late = report.today.flatMap { today in status.due.map { plural(today.days(since: $0), "day") } } ?? "—"
                let severity = finding.severity == .error ? " (error)" : ""
                lines.append(
                    "| \(code("\(finding.location.file):\(finding.location.line)")) | \(status.reviewed?.description ?? "—") | \(status.due?.description ?? "—") | \(late)\(severity) |")
            }
        }
        return lines
    }

    /// The other findings: a count per rule and severity, then each one in a folded list.
    private static func otherFindings(_ findings: [LintFinding]) -> [String] {
        var counts: [String: [Severity: Int]] = [:]
        for finding in findings { counts[finding.ruleID, default: [:]][finding.severity, default: 0] += 1 }
        var lines = ["", "### Other findings", "", "| Rule | Errors | Warnings | Notes |", "| --- | --- | --- | --- |"]
        for rule in counts.keys.sorted() {
            let count = counts[rule] ?? [:]
            lines.append("| \(code(rule)) | \(count[.error] ?? 0) | \(count[.warning] ?? 0) | \(count[.note] ?? 0) |")
        }
        lines += ["", "<details><summary>\(plural(findings.count, "finding"))</summary>", ""]
        for finding in findings {
            let location = finding.location
            let place = location.line > 0 ? "\(location.file):\(location.line):\(max(location.column, 1))" : location.file
            lines.append("- \(code(place)) \(finding.severity.rawValue): \(escaped(finding.diagnostic.message)) (\(code(finding.ruleID)))")
        }
        lines += ["", "</details>"]
        return lines
    }

    /// Owners by name, case aside, the pages without one last.
    private static func ownerOrder(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (nil, _): return false
        case (_, nil): return true
        case (let a?, let b?): return (a.lowercased(), a) < (b.lowercased(), b)
        }
    }

    /// The page due longest ago first, then by file.
    private static func pageOrder(_ lhs: (finding: LintFinding, status: PageStatus), _ rhs: (finding: LintFinding, status: PageStatus)) -> Bool {
        let (a, b) = (lhs.status.due?.dayNumber ?? .max, rhs.status.due?.dayNumber ?? .max)
        return a != b ? a < b : lhs.finding < rhs.finding
    }

    private static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    /// Text with Markdown's punctuation escaped, and no line breaks (a table row is one line).
    static func escaped(_ text: String) -> String { escapeMarkdown(text) }

    /// A code span; `|` is escaped so that it does not end a table cell, and text holding a
    /// backtick is escaped text instead.
    static func code(_ text: String) -> String {
        guard !text.contains("`"), !text.contains(where: \.isNewline) else { return escaped(text) }
        return "`" + text.replacingAll("|", with: "\\|") + "`"
    }
}

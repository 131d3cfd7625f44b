internal import PlaybookDiagnostics
public import PlaybookModel

/// What `playbook lint` checks: `--only plans`, `--only pages`, or both.
public enum LintScope: String, Sendable, Hashable, CaseIterable {
    /// Plans against the framework, and every page's owner and review.
    case all
    /// Engagement plans alone; a named file that is not a plan gets a note.
    case plans
    /// Every page's owner and review alone (plans too, as pages).
    case pages

    /// True when plans are checked against the plan rules.
    public var includesPlans: Bool { self != .pages }
    /// True when every page is checked against the page rules.
    public var includesPages: Bool { self != .plans }
}

extension Linter {
    /// The page rules' findings for a page's owner and review facts (none when pages are out of
    /// scope), each rule at its severity.
    public func pageFindings(file: String, freshness: PageFreshness) -> [LintFinding] {
        guard scope.includesPages else { return [] }
        let input = PageLintInput(file: file, freshness: freshness, settings: pages)
        var findings: [LintFinding] = []
        for rule in pageRules {
            guard let severity = pageSeverity(of: rule) else { continue }
            for found in rule.check(page: input) {
                findings.append(finding(rule.id, severity: severity, found, step: nil))
            }
        }
        return findings
    }

    /// The severity of a page rule: what `lint.rules` sets; else, for `page/owner-missing`,
    /// what `freshness.require-owner` says (off by default); else the rule's default.
    func pageSeverity(of rule: any PageLintRule) -> Severity? {
        guard rule.id == PageOwnerMissingRule.ruleID, config.settings[rule.id] == nil else {
            return config.severity(of: rule)
        }
        switch pages.requireOwner {
        case .off: return nil
        case .warning: return .warning
        case .error: return .error
        }
    }

    /// The report of a loaded page: a plan's plan findings (with plans in scope) and any page's
    /// owner and review findings (with pages in scope); `nil` when the page is not checked.
    public func lint(sitePage page: Page) -> PlanReport? {
        let isPlan = page.kind == .plan && scope.includesPlans
        guard isPlan || scope.includesPages else { return nil }
        let report = (isPlan ? lint(page: page) : nil) ?? PlanReport(file: page.displayPath, findings: [], isPlan: isPlan)
        return adding(pageFindings(file: page.displayPath, freshness: page.freshness), to: report, freshness: page.freshness)
    }

    /// The report of a file's front matter checked as a page: the page rules' findings, and a
    /// `schema/invalid` finding for each of the page keys of the wrong type.
    func pageReport(root: YAMLNode?, file: String, adding report: PlanReport? = nil) -> PlanReport {
        let (freshness, problems) = PageFreshness.read(from: root, file: file)
        let invalid = problems.compactMap { fileProblem($0.location, $0.message, hint: $0.hint) }
        let base = report ?? PlanReport(file: file, findings: [], isPlan: false)
        return adding(invalid + pageFindings(file: file, freshness: freshness), to: base, freshness: freshness)
    }

    /// A page's owner, review date and next review, as the page rules measure them.
    public func pageStatus(_ freshness: PageFreshness, file: String) -> PageStatus {
        let reviewed = freshness.reviewedDate
        let period = PageLintInput(file: file, freshness: freshness, settings: pages).period
        let due = reviewed.flatMap { date in period.map { $0.due(after: date) } }
        return PageStatus(owner: freshness.owner?.value, reviewed: reviewed, due: due)
    }

    private func adding(_ findings: [LintFinding], to report: PlanReport, freshness: PageFreshness) -> PlanReport {
        var merged = PlanReport(file: report.file, plan: report.plan, findings: report.findings + findings, isPlan: report.isPlan)
        merged.isPage = scope.includesPages
        if scope.includesPages { merged.page = pageStatus(freshness, file: report.file) }
        return merged
    }
}

internal import PlaybookDiagnostics
internal import PlaybookLint
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

extension PDFExport {
    /// One plan's pack: a cover with its title, customer and dates, a page of its lint findings
    /// when it does not lint clean, then its built page's article (summary, promises, tasks,
    /// diagrams, checklists, everything the page shows).
    func planDocument(_ result: BuildResult, _ path: String) throws -> (PDFDocument, Int) {
        let page = try Self.planPage(path, in: result.site, source: source)
        let article = try PDFFiles.article(of: page, in: result)
        let (linter, _) = try Linter.forSite(at: source, today: today, scope: .plans)
        let report = linter.lint(page: page)
        let plan = report?.plan
        var document = PDFDocument(
            language: result.site.config.language, title: plan?.title.value ?? page.title,
            description: page.description, built: today, body: article)
        if let customer = plan?.customer.value { document.facts.append(.init(label: "Customer", value: customer)) }
        if let names = plan?.accountable.value?.names.map(\.value), !names.isEmpty {
            document.facts.append(.init(label: "Accountable", value: names.joined(separator: ", ")))
        }
        let dates = [plan?.start.value, plan?.end.value].compactMap { $0?.description }
        if !dates.isEmpty { document.facts.append(.init(label: "Dates", value: dates.joined(separator: " to "))) }
        document.findings = (report?.findings ?? []).map(\.diagnostic)
        return (document, 1)
    }

    /// The plan page `path` names: as written in the content folder (`plans/payroll.md`), from the
    /// site folder (`content/plans/payroll.md`), or from the current folder.
    ///
    /// - Throws: `DiagnosticError` (usage, at `--plan`) for a path that is not a page of the site
    ///   or a page that is not a plan, with the nearest plan as a hint.
    static func planPage(_ path: String, in site: Site, source: String) throws -> Page {
        var given = path
        while given.hasPrefix("./") { given.removeFirst(2) }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let page = site.pages.first { page in
            page.sourcePath == given || page.displayPath == given
                || URL(fileURLWithPath: PathText.join(source, page.displayPath)).standardizedFileURL.path == absolute
        }
        let plans = site.pages.filter { $0.kind == .plan }.map(\.sourcePath).sorted()
        if let page, page.kind == .plan { return page }
        let byName = Dictionary(plans.map { (PathText.name($0), $0) }, uniquingKeysWith: { first, _ in first })
        let nearest = Suggestions.nearest(to: given, in: plans)
            ?? Suggestions.nearest(to: PathText.name(given), in: byName.keys.sorted()).flatMap { byName[$0] }
        let list = plans.isEmpty ? "the site has no plans (pages with 'type: plan')" : "its plans: " + plans.joined(separator: ", ")
        let message = page == nil
            ? "'\(path)' is not a page of the site"
            : "'\(path)' is a page, not an engagement plan (its front matter has no 'type: plan')"
        throw DiagnosticError.usage(message, file: "--plan", hint: nearest.map { "did you mean '\($0)'?" } ?? list)
    }
}

public import PlaybookDiagnostics
public import PlaybookMarkdown
public import PlaybookModel
internal import PlaybookRender
internal import PlaybookLint
internal import Foundation

/// `playbook pdf`: the site built into a temporary folder (with the print page, whatever
/// `playbook.yml` says), a document made of a cover, a table of contents and the print page's
/// book (or, for one plan, its page and its lint findings) through `pdf.mustache`, laid out by
/// WeasyPrint with `templates/pdf.css`, and the PDF put in place at once. Nothing is written
/// but the temporary folder, which is removed, and the output file; a failed run leaves the
/// previous PDF as it was.
public struct PDFExport: Sendable {
    /// The site folder.
    public var source: String
    /// The PDF file to write.
    public var output: String
    /// The day on the cover and in the PDF's dates; the lint measures reviews against it.
    public var today: PlanDate
    /// A plan page (`plans/payroll-onboarding.md`): the PDF is that plan's pack; `nil` for the
    /// whole book.
    public var plan: String?
    /// Colours fenced code, as the build does (`nil`: plain).
    public var codeColouring: (any CodeColouring)?
    /// The build's stems (the search index is not made, so they are not needed).
    public var stemming: (any Stemming)?

    /// What a run made.
    public struct Outcome: Sendable {
        /// The file written.
        public var output: String
        /// Its size in bytes.
        public var bytes: Int
        /// The pages of the site in the document.
        public var pages: Int
        /// The build's warnings (a run with errors throws instead).
        public var warnings: [Diagnostic]
        /// How many lint findings about the plan the pack shows on its findings page.
        public var planFindings = 0
        /// The plan's file, from the site folder (`content/plans/payroll.md`), when it has findings.
        public var planFile: String?
    }

    /// Creates an export of the site in `source` to `output`.
    public init(source: String, output: String, today: PlanDate, plan: String? = nil) {
        self.source = source
        self.output = output
        self.today = today
        self.plan = plan
    }

    /// Builds the site, makes the document and lays it out as the PDF at `output`.
    ///
    /// - Throws: `DiagnosticError`: usage (exit 2) for a missing engine, templates without
    ///   `pdf.mustache` or `pdf.css`, a `plan` that is not a plan page, an output that cannot be
    ///   written; content errors (exit 1) for a site that does not build or an engine that fails.
    public func run(engine: PDFEngine) throws -> Outcome {
        try PDFFiles.checkWritable(output)
        let templates = try PDFFiles.templates(in: source)
        let result = try build()
        var (document, pages) = try plan.map { try planDocument(result, $0) } ?? bookDocument(result)
        let work = try PDFFiles.temporaryFolder()
        let guarded = InterruptGuard.shared.removingOnStop(work)
        defer {
            try? FileManager.default.removeItem(atPath: work)
            InterruptGuard.shared.end(guarded)
        }
        let siteFolder = work + "/site"
        try PDFFiles.writeFiles(of: result, into: siteFolder)
        document.body = PDFFiles.loadingImages(document.body, basePath: result.site.config.basePath, from: siteFolder)
        document.stylesheets = PDFFiles.stylesheets(in: siteFolder) + [work + "/pdf.css"]
        guard let html = document.html(templates: templates.set) else {
            throw DiagnosticError.usage("the template 'pdf' could not be rendered", file: "templates/pdf.mustache")
        }
        try PDFFiles.write(Array(html.utf8), to: work + "/pdf.html")
        try PDFFiles.write(templates.stylesheet, to: work + "/pdf.css")
        try engine.render(input: work + "/pdf.html", output: work + "/out.pdf", day: today)
        let bytes = try PDFFiles.install(work + "/out.pdf", at: output)
        var outcome = Outcome(output: output, bytes: bytes, pages: pages, warnings: result.diagnostics.filter { $0.severity != .error })
        outcome.planFindings = document.findings.count
        outcome.planFile = document.findings.first?.location.file
        return outcome
    }

    /// The site built in memory (nothing written), with the print page for the whole book.
    ///
    /// - Throws: `DiagnosticError` (exit 1) with the build's errors; for a plan's pack, that
    ///   plan's own lint findings are not among them (the pack shows them on a page).
    private func build() throws -> BuildResult {
        var options = BuildOptions(source: source, output: nil, baseURL: nil, includeDrafts: false)
        options.printPage = plan == nil  // a plan's pack does not use the print page
        options.searchIndex = false
        options.today = today
        options.codeColouring = codeColouring
        options.stemming = stemming
        let result = try SiteBuilder(options: options).build()
        var errors = result.diagnostics.filter { $0.severity == .error }
        if let plan, !errors.isEmpty {
            let file = try Self.planPage(plan, in: result.site, source: source).displayPath
            errors.removeAll { $0.location.file == file && LintRegistry.rule(id: $0.code) != nil }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return result
    }

    /// The whole book: the print page's article under a cover and a table of contents.
    private func bookDocument(_ result: BuildResult) throws -> (PDFDocument, Int) {
        let config = result.site.config
        guard let page = result.site.pages.first(where: { $0.kind == .print }) else {
            throw DiagnosticError.usage("the build made no print page", file: "playbook.yml")
        }
        let article = try PDFFiles.article(of: page, in: result)
        var document = PDFDocument(
            language: config.language, title: config.title, description: config.description, built: today, body: article)
        document.contents = PDFDocument.contents(of: result.site)
        return (document, document.contents.count)
    }
}

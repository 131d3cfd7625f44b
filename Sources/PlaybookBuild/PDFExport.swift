public import PlaybookDiagnostics
public import PlaybookMarkdown
public import PlaybookModel
internal import PlaybookRender
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
        let work = try PDFFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let siteFolder = work + "/site"
        let result = try build(into: siteFolder)
        var (document, pages) = try plan.map { try planDocument(result, $0, siteFolder: siteFolder) }
            ?? bookDocument(result, siteFolder: siteFolder)
        document.body = PDFFiles.loadingImages(document.body, basePath: result.site.config.basePath, from: siteFolder)
        document.stylesheets = PDFFiles.stylesheets(in: siteFolder) + [work + "/pdf.css"]
        guard let html = document.html(templates: templates.set) else {
            throw DiagnosticError.usage("the template 'pdf' could not be rendered", file: "templates/pdf.mustache")
        }
        try PDFFiles.write(Array(html.utf8), to: work + "/pdf.html")
        try PDFFiles.write(templates.stylesheet, to: work + "/pdf.css")
        try engine.render(input: work + "/pdf.html", output: work + "/out.pdf", day: today)
        let bytes = try PDFFiles.install(work + "/out.pdf", at: output)
        return Outcome(output: output, bytes: bytes, pages: pages, warnings: result.diagnostics)
    }

    /// The site built into `folder`, with the print page.
    private func build(into folder: String) throws -> BuildResult {
        var options = BuildOptions(source: source, output: folder, baseURL: nil, includeDrafts: false)
        options.printPage = plan == nil ? true : nil
        options.searchIndex = false
        options.today = today
        options.codeColouring = codeColouring
        options.stemming = stemming
        let result = try SiteBuilder(options: options).build()
        guard result.succeeded else { throw DiagnosticError(result.diagnostics.filter { $0.severity == .error }) }
        return result
    }

    /// The whole book: the print page's article under a cover and a table of contents.
    private func bookDocument(_ result: BuildResult, siteFolder: String) throws -> (PDFDocument, Int) {
        let config = result.site.config
        guard let page = result.site.pages.first(where: { $0.kind == .print }) else {
            throw DiagnosticError.usage("the build made no print page", file: "playbook.yml")
        }
        let article = try PDFFiles.article(of: siteFolder + "/" + page.outputPath)
        var document = PDFDocument(
            language: config.language, title: config.title, description: config.description, built: today, body: article)
        document.contents = PDFDocument.contents(of: result.site)
        return (document, document.contents.count)
    }
}

public import PlaybookDiagnostics
public import PlaybookModel

/// The HTML document `playbook pdf` hands the PDF engine, through `pdf.mustache`: a cover, a
/// table of contents, the body (the print page's book, or a plan page's article), and, for a plan
/// that does not lint clean, a page of its findings. Every value from the content is escaped by
/// the template; only `body`, HTML the build made, goes in as it is.
public struct PDFDocument: Sendable {
    /// One line of the table of contents: a page of the book and the anchor of its title.
    public struct Entry: Sendable, Equatable {
        /// The page's title.
        public var title: String
        /// The id of the page's section on the print page (`p-guide-links`).
        public var anchor: String
        /// How deep the page is (1 for the home page and the top level, 2 a level down, …).
        public var level: Int

        /// Creates an entry.
        public init(title: String, anchor: String, level: Int) {
            self.title = title
            self.anchor = anchor
            self.level = level
        }
    }

    /// A line of the cover under the title, such as `Customer: Northwind Clinics`.
    public struct Fact: Sendable, Equatable {
        /// What the line says (`Customer`).
        public var label: String
        /// Its value.
        public var value: String

        /// Creates a fact.
        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// The document's language (`en`), for hyphenation and the `lang` attribute.
    public var language: String
    /// The title on the cover and in the PDF's metadata.
    public var title: String
    /// The line under the title (the site's or plan's description).
    public var description: String?
    /// The cover's other lines (a plan's customer and dates).
    public var facts: [Fact] = []
    /// The day the document was made, on the cover and as its creation date.
    public var built: PlanDate
    /// The table of contents; empty for none.
    public var contents: [Entry] = []
    /// The body: HTML made by the build (the print page's book, a plan page's article).
    public var body: String
    /// The lint's findings about the plan, shown on a page of their own; empty when it lints clean.
    public var findings: [Diagnostic] = []
    /// The stylesheets, in order: the site's, then the PDF's own.
    public var stylesheets: [String] = []

    /// Creates a document.
    public init(language: String, title: String, description: String?, built: PlanDate, body: String) {
        self.language = language
        self.title = title
        self.description = description
        self.built = built
        self.body = body
    }

    /// The table of contents of the print page of `site`: every page it shows, in reading
    /// order, with the anchor `PrintBook` gives its section.
    public static func contents(of site: Site) -> [Entry] {
        zip(site.pages, PrintBook.anchors(for: site)).compactMap { page, anchor in
            anchor.map { Entry(title: page.title, anchor: $0, level: min(6, max(1, PrintBook.depth(of: page)))) }
        }
    }

    /// The keys `pdf.mustache` may use, for the template check.
    public static let keys: Set<String> = [
        "pdf", "facts", "label", "value", "built", "contents", "hasContents", "href", "body", "stylesheets",
        "hasFindings", "findings", "findingsCount",
    ]

    /// The document, rendered with `templates`' `pdf` template.
    ///
    /// - Returns: the HTML, or `nil` when the templates have no `pdf.mustache`.
    public func html(templates: TemplateSet) -> String? {
        guard templates.names.contains("pdf") else { return nil }
        return templates.render("pdf", context: ["pdf": context()])
    }

    private func context() -> [String: Any] {
        let findingValues: [[String: Any]] = findings.map { finding in
            [
                "location": finding.location.description, "severity": finding.severity.rawValue,
                "code": finding.code, "message": finding.message,
            ]
        }
        var values: [String: Any] = [
            "language": language, "title": title, "built": built.description,
            "facts": facts.map { ["label": $0.label, "value": $0.value] },
            "contents": contents.map { ["title": $0.title, "href": "#" + $0.anchor, "level": $0.level] },
            "hasContents": !contents.isEmpty, "body": body,
            "stylesheets": stylesheets.map { ["href": $0] },
            "findings": findingValues, "hasFindings": !findings.isEmpty,
            "findingsCount": findings.count == 1 ? "1 finding" : "\(findings.count) findings",
        ]
        if let description { values["description"] = description }
        return values
    }
}

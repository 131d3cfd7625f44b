public import PlaybookDiagnostics
public import PlaybookModel

/// Draws diagram specs (the YAML inside a ```diagram fence) and engagement plans as inline,
/// accessible SVG at build time.
///
/// Each diagram becomes a `<figure class="diagram diagram-KIND">` holding two `<svg role="img">`
/// drawings of the same content: `diagram-wide` (about 720 units across, for screens and paper)
/// and `diagram-narrow` (about 340, for phones); the stylesheet shows one of them by the width of
/// the figure. Output depends only on the input: the same spec, framework and plan give the same bytes.
public struct DiagramRenderer: Sendable {
    /// The site's framework, which `kind: framework` draws.
    public let framework: Framework?
    /// The engagement plan of the page being rendered, which `traceability` and `timeline` draw.
    public let plan: EngagementPlan?
    /// The buffer before a plan's promised end, in days, for an engagement from the first date to
    /// the second (the lint's `plan/buffer` limit).
    public let bufferDays: @Sendable (PlanDate, PlanDate) -> Int

    /// The lint's default buffer: 10% of the engagement's length, rounded up, at least one day.
    public static let defaultBufferDays: @Sendable (PlanDate, PlanDate) -> Int = { start, end in
        max(1, (end.days(since: start) + 9) / 10)
    }

    /// Creates a renderer for a site whose framework (from `content/framework.yml`) is
    /// `framework`, for a page whose engagement plan is `plan` (`nil` for other pages).
    public init(
        framework: Framework?, plan: EngagementPlan? = nil,
        bufferDays: @escaping @Sendable (PlanDate, PlanDate) -> Int = DiagramRenderer.defaultBufferDays
    ) {
        self.framework = framework
        self.plan = plan
        self.bufferDays = bufferDays
    }

    /// The HTML for one diagram spec, or `nil` when the spec has an error; and every problem with it.
    ///
    /// - Parameters:
    ///   - spec: the fence's text (YAML).
    ///   - fence: the position of the fence's opening line; the spec starts on the next line, and
    ///     problems point at lines and columns of the Markdown file.
    /// - Returns: never throws; errors (`diagram/invalid`) and warnings (`diagram/unknown-key`) are values.
    public func render(_ spec: String, at fence: SourceLocation) -> (html: String?, diagnostics: [Diagnostic]) {
        let context = DiagramSpec.Context(framework: framework, plan: plan.map(PlanFacts.init), bufferDays: bufferDays)
        let (diagram, problems) = DiagramSpec.parse(spec, at: fence, context: context)
        guard let diagram else { return (nil, problems) }
        return (Self.figure(diagram), problems)
    }

    /// The two generated diagrams of a plan page, traceability then timeline, as HTML; the
    /// timeline is left out when the plan has no valid window. Empty when there is no plan.
    public func planDiagrams() -> [String] {
        guard let plan else { return [] }
        let facts = PlanFacts(plan)
        var figures = [
            Self.figure(TraceabilityDiagram(title: "How the promises of \(facts.title) trace to tasks and outcomes", description: nil, facts: facts))
        ]
        if let timeline = TimelineDiagram(title: "Timeline of \(facts.title)", description: nil, facts: facts, bufferDays: bufferDays) {
            figures.append(Self.figure(timeline))
        }
        return figures
    }

    /// The figure holding the wide and the narrow drawing of `diagram`.
    static func figure(_ diagram: Diagram) -> String {
        let kind = SVGWriter.escape(diagram.kind)
        var html = "<figure class=\"diagram diagram-\(kind)\">\n"
        for (width, name) in [(Style.wideWidth, "diagram-wide"), (Style.narrowWidth, "diagram-narrow")] {
            html += SVGWriter.svg(diagram.canvas(width: width), title: diagram.title, description: diagram.summary, className: name)
            html += "\n"
        }
        return html + "</figure>\n"
    }
}

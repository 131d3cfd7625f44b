import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookTesting
import Testing

/// Diagrams through a whole build: a ```diagram fence becomes an SVG figure in the page, and a
/// bad spec fails the build at its line in the Markdown file.
@Suite struct DiagramBuildTests {
    static let framework = """
        steps:
          - {id: promise, title: The Promise, question: "What will we deliver?", page: promise.md}
          - {id: plan, title: The Plan, question: "Who does what, by when?", page: plan.md}
        behaviours:
          - {id: trust, title: Build trust, page: promise.md}

        """

    @Test func aDiagramFenceBecomesAnInlineFigure() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "Before.\n\n```diagram\nkind: pyramid\ntitle: The <five> behaviours\nlayers: [Trust, Results]\n```\n\nAfter.\n"),
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics == [])
        let html = try #require(FixtureSite.text(result, "a/index.html"))
        #expect(html.contains("<p>Before.</p>\n<figure class=\"diagram diagram-pyramid\">\n<svg class=\"diagram-wide\" role=\"img\""))
        #expect(html.contains("<title>The &lt;five&gt; behaviours</title>"))
        #expect(html.contains("</figure>\n<p>After.</p>"))
        #expect(!html.contains("language-diagram"))
    }

    @Test func otherFencesStayCode() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "```yaml\nkind: cycle\n```\n\n```\ndiagram\n```\n\n```mermaidx\nkind: cycle\n```\n"),
        ])
        let html = try #require(FixtureSite.text(try site.build(write: false), "a/index.html"))
        #expect(html.contains("<pre class=\"highlight\"><code class=\"language-yaml\"><span class=\"hl-attr\">kind</span>"))
        #expect(html.contains("<pre><code class=\"language-mermaidx\">kind: cycle\n</code></pre>"))
        #expect(!html.contains("<figure"))
    }

    @Test func aBadSpecFailsTheBuildAtItsLineInTheFile() throws {
        // Front matter is lines 1-3, the fence opens on line 6, the spec starts on line 7.
        let body = "Intro.\n\n```diagram\nkind: cycle\ntitle: Loop\nsteps: Promise\nfoundaton: [Trust]\n```\n"
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", body),
        ])
        let result = try site.build(write: false)
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.description) == [
            "content/a.md:9:8: error: 'steps' must be a list, not text [diagram/invalid]\n    hint: list the steps in order, such as 'steps: [Promise, Plan, Execution, Outcomes]', or write 'steps: framework'",
            "content/a.md:10:1: warning: unknown key 'foundaton' in a cycle diagram; it is ignored [diagram/unknown-key]\n    hint: did you mean 'foundation'?",
        ])
    }

    @Test func aMissingTitleIsReportedAtTheFence() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "- item\n\n```diagram\nkind: flow\nsteps: [A, B]\n```\n"),
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics.map(\.description) == [
            "content/a.md:6:1: error: the flow diagram has no 'title' [diagram/invalid]\n    hint: add 'title: …': it names the diagram for screen readers"
        ])
    }

    @Test func aYAMLErrorInASpecIsPositionedInTheFile() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "```diagram\nkind: pyramid\ntitle: T\nlayers: [A, B\n```\n"),
        ])
        let result = try site.build(write: false)
        let problem = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(problem.code == "diagram/invalid")
        #expect(problem.location.file == "content/a.md")
        #expect(problem.location.line == 8)
        #expect(problem.message.hasPrefix("the diagram spec is not valid YAML: "))
    }

    @Test func aWarningAloneLetsTheBuildSucceed() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "```diagram\nkind: pyramid\ntitle: T\nlayers: [A, B]\ncolour: red\n```\n"),
        ])
        let result = try site.build(write: false)
        #expect(result.succeeded)
        #expect(result.diagnostics.map(\.code) == ["diagram/unknown-key"])
        #expect(FixtureSite.text(result, "a/index.html")?.contains("diagram-pyramid") == true)
    }

    @Test func theFrameworkDiagramIsDrawnFromFrameworkYML() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home", "```diagram\nkind: framework\ntitle: Our framework\n```\n"),
            "content/promise.md": page("Promise"),
            "content/plan.md": page("Plan"),
            "content/framework.yml": Self.framework,
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics == [])
        let html = try #require(FixtureSite.text(result, "index.html"))
        #expect(html.contains("<figure class=\"diagram diagram-framework\">"))
        for text in ["The Promise", "What will we deliver?", "The Plan", "Who does what, by when?", "Build trust"] {
            #expect(html.contains(">\(text)</tspan>"), "\(text)")
        }
    }

    @Test func aFrameworkDiagramWithoutFrameworkYMLFailsTheBuild() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home", "Text.\n\n```diagram\nkind: framework\ntitle: Our framework\n```\n"),
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics.map(\.description) == [
            "content/_index.md:6:1: error: a framework diagram needs the site's framework, and there is none [diagram/invalid]\n    hint: add content/framework.yml with 'steps' and 'behaviours', or draw the steps with 'kind: cycle'"
        ])
    }

    /// A plan that passes `playbook lint` with no finding.
    static let plan = """
        ---
        type: plan
        title: Quote tool roll-out for Acme
        customer: Acme
        accountable: Dana Reyes
        team:
          - {name: Dana Reyes, role: Engagement lead}
          - {name: Lee Park, role: IT lead, side: customer}
        start: 2026-01-05
        end: 2026-03-02
        promise:
          - {id: speed, outcome: Quotes go out within one day, measure: Median hours, baseline: 72 hours, target: 24 hours, effort: 2 person-weeks}
        plan:
          - {id: build, task: Configure the quote tool, owner: Dana Reyes, due: 2026-01-30, serves: [speed]}
          - {id: train, task: Train the sales desk, owner: Lee Park, due: 2026-02-13, serves: [speed]}
        execution:
          check-in: {every: 1 week, how: Monday call with a written summary}
          handoffs:
            - {from: Sales, to: Delivery, owner: Dana Reyes, on: 2026-01-05, carries: [signed scope]}
          recovery: {owner: Dana Reyes, respond-within: 4 hours}
        outcomes:
          - {promise: speed, measured-on: 2026-02-20}
        ---
        ## At a glance

        ```diagram
        kind: traceability
        title: Promises to tasks to outcomes
        ```

        ```diagram
        kind: timeline
        title: Tasks against the window
        ```

        """

    @Test func aPlanPageDrawsItsOwnTraceabilityAndTimeline() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/plans/acme.md": Self.plan,
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics == [])
        let html = try #require(FixtureSite.text(result, "plans/acme/index.html"))
        #expect(html.contains("<figure class=\"diagram diagram-traceability\">"))
        #expect(html.contains("<figure class=\"diagram diagram-timeline\">"))
        for text in ["Quotes go out within one day", "Configure the quote tool", "Lee Park · due 2026-02-13", "Measured on 2026-02-20", "Feb 2026"] {
            #expect(html.contains(">\(text)</tspan>"), "\(text)")
        }
        // The default buffer: 10% of the 56-day window, rounded up.
        #expect(html.contains(">Buffer: the last 6 days before the promised date</tspan>"))
    }

    @Test func theTimelineUsesTheLintBufferFromPlaybookYML() throws {
        let site = try FixtureSite([
            "playbook.yml": "title: T\nlint:\n  limits:\n    buffer: 2 weeks\n",
            "content/_index.md": page("Home"),
            "content/plans/acme.md": Self.plan,
        ])
        let html = try #require(FixtureSite.text(try site.build(write: false), "plans/acme/index.html"))
        #expect(html.contains(">Buffer: the last 14 days before the promised date</tspan>"))
    }

    @Test func aPlanDiagramOnAnOrdinaryPageFailsTheBuild() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home", "```diagram\nkind: timeline\ntitle: When\n```\n"),
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics.map(\.description) == [
            "content/_index.md:4:1: error: a timeline diagram draws the engagement plan of its page, and this page is not a plan [diagram/invalid]\n    hint: use it on a page whose front matter says 'type: plan'"
        ])
    }

    @Test func theSameSiteBuildsTheSameDiagramBytes() throws {
        let files = [
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "```diagram\nkind: cycle\ntitle: Loop\nsteps: [Promise, Plan, Execution, Outcomes]\nfoundation: [Trust, Conflict]\n```\n"),
        ]
        let first = try FixtureSite(files).build(write: false)
        let second = try FixtureSite(files).build(write: false)
        let html = try #require(FixtureSite.text(first, "a/index.html"))
        #expect(html.contains("diagram-cycle"))
        #expect(FixtureSite.text(second, "a/index.html") == html)
    }
}

import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookTesting
import Testing

/// The fences the writers' guide uses so its examples cannot drift from the tool: a
/// ```diagram example shows the spec beside the drawing, ```yaml front-matter is read like a
/// page's front matter, and ```yaml plan is linted like a plan, each with problems at the
/// example's own lines in the guide page.
@Suite struct GuideFenceTests {
    /// A site whose page `content/a.md` has `body`; its front matter is lines 1-3, so the body
    /// starts on line 4.
    func build(_ body: String) throws -> BuildResult {
        let site = try FixtureSite(["content/_index.md": page("Home"), "content/a.md": page("A", body)])
        return try site.build(write: false)
    }

    @Test func aDiagramExampleShowsTheSpecBesideTheDrawing() throws {
        let result = try build("Intro.\n\n```diagram example\nkind: pyramid\ntitle: Two layers\nlayers: [Trust, Results]\n```\n\nAfter.\n")
        #expect(result.diagnostics == [])
        let html = try #require(FixtureSite.text(result, "a/index.html"))
        let spec = try #require(html.range(of: "<div class=\"diagram-example-spec\">"))
        let drawing = try #require(html.range(of: "<div class=\"diagram-example-result\">"))
        #expect(spec.upperBound < drawing.lowerBound, "the spec comes first")
        #expect(html.contains("<p>Intro.</p>\n<div class=\"diagram-example\">"))
        // The spec is highlighted YAML, the result the figure a plain ```diagram fence draws.
        #expect(html.contains("<pre class=\"highlight\"><code class=\"language-yaml\"><span class=\"hl-attr\">kind</span>"))
        #expect(html.contains("<figure class=\"diagram diagram-pyramid\">\n<svg class=\"diagram-wide\" role=\"img\""))
        #expect(html.contains("<title>Two layers</title>"))
        #expect(html.contains("</figure>\n</div>\n</div>\n<p>After.</p>"))
    }

    @Test func aBadDiagramExampleFailsTheBuildAtItsLine() throws {
        // The fence opens on line 6 (body line 3); 'steps' is on line 9, its value at column 8.
        let result = try build("Intro.\n\n```diagram example\nkind: cycle\ntitle: Loop\nsteps: Promise\n```\n")
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.description) == [
            "content/a.md:9:8: error: 'steps' must be a list, not text [diagram/invalid]\n    hint: list the steps in order, such as 'steps: [Promise, Plan, Execution, Outcomes]', or write 'steps: framework'"
        ])
    }

    @Test func aFrontMatterExampleIsReadLikeAPage() throws {
        let example = "---\ntitle: Closing checklist\nweight: 20\ntags: [checklist]\n---\nThe body.\n"
        let result = try build("```yaml front-matter\n" + example + "```\n")
        #expect(result.diagnostics == [])
        let html = try #require(FixtureSite.text(result, "a/index.html"))
        #expect(html.contains("<pre class=\"highlight\"><code class=\"language-yaml\">"))
        #expect(html.contains("Closing checklist"))
        #expect(html.contains("The body."), "the whole example is shown, body included")
    }

    @Test func aBadFrontMatterExampleFailsAtItsLineAndColumn() throws {
        // Fence on line 5; '---' on 6, title on 7, weight on 8 (value at column 9), 'tittle' on 9.
        let result = try build("Intro.\n\n```yaml front-matter\n---\ntitle: A page\nweight: heavy\ntittle: Oops\n---\n```\n")
        #expect(!result.succeeded)
        let descriptions = result.diagnostics.map(\.description)
        #expect(descriptions.count == 2, "\(descriptions)")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.location.file == "content/a.md")
        #expect(error.location.line == 9 && error.location.column == 9, "\(error)")
        let warning = try #require(result.diagnostics.first { $0.severity == .warning })
        #expect(warning.location.line == 10 && warning.location.column == 1, "\(warning)")
        #expect(warning.message.contains("tittle"))
    }

    @Test func aFrontMatterExampleWithoutDashesAndAYAMLError() throws {
        // No '---' lines: the fence is line 6, so the YAML starts on 7; the list opened on 8 is still open at its end.
        let result = try build("Intro.\n\n```yaml front-matter\ntitle: A page\ntags: [a, b\n```\n")
        let problem = try #require(result.diagnostics.first)
        #expect(!result.succeeded)
        #expect(problem.location.file == "content/a.md")
        #expect((7...9).contains(problem.location.line), "\(problem)")
    }

    @Test func aPlanExampleIsLintedAndLaterDiagramsDrawIt() throws {
        let plan = try Self.planFrontMatter()
        let body = "```yaml plan\n" + plan + "```\n\n```diagram example\nkind: timeline\ntitle: When\n```\n"
        let result = try build(body)
        #expect(result.diagnostics == [], "\(result.diagnostics)")
        let html = try #require(FixtureSite.text(result, "a/index.html"))
        #expect(html.contains("<figure class=\"diagram diagram-timeline\">"))
        #expect(html.contains("import-depots") || html.contains("Import depot"))
    }

    @Test func aPlanExampleWithALintErrorFailsAtItsLine() throws {
        // The fence opens on line 4 and '---' is line 5, so the plan's line N is line N + 4.
        let plan = try Self.planFrontMatter().replacingOccurrences(of: "owner: Lee Park", with: "owner: Lee Parks")
        let result = try build("```yaml plan\n" + plan + "```\n")
        #expect(!result.succeeded)
        let problem = try #require(result.diagnostics.first { $0.code == "plan/owner" })
        // In the fixture, the task's owner is on line 26, its value at column 12.
        #expect(problem.location.file == "content/a.md")
        #expect(problem.location.line == 26 + 4 && problem.location.column == 12, "\(problem)")
    }

    @Test func withoutAPlanExampleATimelineOutsideAPlanIsAnError() throws {
        let result = try build("```diagram\nkind: timeline\ntitle: When\n```\n")
        #expect(!result.succeeded)
        #expect(result.diagnostics.first?.code == "diagram/invalid")
    }

    /// The front matter of a lint-clean plan fixture, `---` lines included, body left out.
    static func planFrontMatter() throws -> String {
        let text = try LintBuildTests.fixture("plan/owner/pass.md")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let end = try #require(lines.dropFirst().firstIndex(of: "---"))
        return lines[...end].joined(separator: "\n") + "\n"
    }
}

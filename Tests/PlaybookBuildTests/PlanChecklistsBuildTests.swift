import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookTesting
import Testing

/// A plan's `checklists:` in a build: the plan's page shows each checklist's own task items as a
/// run for this engagement (escaped, grouped by heading, with ids of their own), and a name that
/// is not a checklist fails the build at its list item.
@Suite struct PlanChecklistsBuildTests {
    static let checklist = """
        ---
        title: Kick-off <checklist>
        tags: [checklist]
        ---
        Run it in the first week.

        - [ ] Item before any heading

        ## Before the meeting

        - [ ] Read the **signed** scope & the \\<notes>
        - [x] Book the room

        ## After

        - [ ] Send the summary
        """

    static func plan(naming names: [String]) throws -> String {
        let fixture = try LintBuildTests.fixture("plan/serves/pass.md")
        let end = try #require(fixture.range(of: "---\n", options: .backwards))
        let list = names.map { "  - \($0)\n" }.joined()
        return fixture[..<end.lowerBound] + "checklists:\n" + list + fixture[end.lowerBound...]
    }

    func site(_ files: [String: String]) throws -> FixtureSite {
        var all = try LintBuildTests.shippedTemplates()
        all["content/_index.md"] = "---\ntitle: Home\n---\n"
        all["content/checklists/kick-off.md"] = Self.checklist
        all["content/guide.md"] = "---\ntitle: Guide\n---\n- [ ] A box on a page that is not a checklist\n"
        for (path, text) in files { all[path] = text }
        return try FixtureSite(all)
    }

    @Test func thePlanPageRunsTheChecklistsItems() throws {
        let site = try site(["content/plans/acme.md": try Self.plan(naming: ["checklists/kick-off.md"])])
        let result = try site.build()
        #expect(result.succeeded, "\(result.diagnostics.map(\.description))")
        let html = try #require(FixtureSite.text(result, "plans/acme/index.html"))
        let start = try #require(html.range(of: "<section class=\"plan-section plan-checklists\""))
        let end = try #require(html.range(of: "<div class=\"plan-narrative\">"))
        let section = String(html[start.lowerBound..<end.lowerBound])
        #expect(section.contains("data-title=\"Fixture plan\""))
        #expect(section.contains("<h3 id=\"run-checklists-kick-off\"><a href=\"/checklists/kick-off/\">Kick-off &lt;checklist&gt;</a></h3>"))
        #expect(section.contains("<span class=\"plan-checklists-done\">0</span> of 4 done"))
        #expect(section.contains("<span class=\"plan-run-done\">0</span> of 4 done"))
        #expect(section.contains(
            "<li><label class=\"task\"><input type=\"checkbox\" class=\"task-box\" id=\"run-checklists-kick-off-task-item-before-any-heading\"> Item before any heading</label></li>"))
        #expect(section.contains("<h4>Before the meeting</h4>"))
        #expect(section.contains("> Read the signed scope &amp; the &lt;notes&gt;</label>"))
        #expect(section.contains("id=\"run-checklists-kick-off-task-book-the-room\" checked> Book the room"))
        #expect(section.contains("<h4>After</h4>"))
        #expect(!section.contains("<notes>"))
        // The same checklist on its own page keeps its own ids.
        let own = try #require(FixtureSite.text(result, "checklists/kick-off/index.html"))
        #expect(own.contains("id=\"task-book-the-room\" checked"))
    }

    @Test func aPlanWithoutChecklistsHasNoSection() throws {
        let site = try site(["content/plans/acme.md": try LintBuildTests.fixture("plan/serves/pass.md")])
        let html = try #require(FixtureSite.text(try site.build(), "plans/acme/index.html"))
        #expect(!html.contains("plan-checklists"))
    }

    @Test func aNameThatIsNotAChecklistFailsTheBuildAtItsItem() throws {
        let site = try site(["content/plans/acme.md": try Self.plan(naming: ["checklists/kickoff.md", "guide.md"])])
        let result = try site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" } == [
            "51:5 plan/checklist", "52:5 plan/checklist",
        ])
        #expect(result.diagnostics.first?.hint?.hasPrefix("did you mean 'checklists/kick-off.md'?") == true)
    }
}

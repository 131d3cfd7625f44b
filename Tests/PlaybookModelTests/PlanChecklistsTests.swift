import PlaybookDiagnostics
import PlaybookModel
import Testing

/// A plan's `checklists:`: decoded as located paths, a known key of the plan format, and
/// checked against the pages a `PageCatalog` knows.
@Suite struct PlanChecklistsTests {
    static func decode(_ extra: String) throws -> (EngagementPlan, [PlanProblem]) {
        let yaml = EngagementPlanTests.yaml + "\n" + extra
        let root = try #require(try YAMLParser.parse(yaml, file: "p.md", lineOffset: 1).get())
        return EngagementPlan.decode(root, file: "p.md")
    }

    @Test func decodesEachPathAtItsListItem() throws {
        let (plan, problems) = try Self.decode("checklists:\n  - checklists/kick-off.md\n  - checklists/handoff.md")
        #expect(problems == [])
        #expect(plan.checklists.value?.map(\.value) == ["checklists/kick-off.md", "checklists/handoff.md"])
        #expect(plan.checklists.value?.map(\.location) == [
            SourceLocation(file: "p.md", line: 32, column: 5), SourceLocation(file: "p.md", line: 33, column: 5),
        ])
    }

    @Test func aPlanWithoutChecklistsHasNone() throws {
        let (plan, problems) = try Self.decode("")
        #expect(problems == [])
        #expect(plan.checklists == .missing)
    }

    @Test func aMappingIsAWrongTypeAtItsPosition() throws {
        let (plan, problems) = try Self.decode("checklists: {kick-off: checklists/kick-off.md}")
        #expect(plan.checklists == .invalid(SourceLocation(file: "p.md", line: 31, column: 13)))
        #expect(problems.map(\.reason) == [.invalid])
        #expect(problems.first?.location == SourceLocation(file: "p.md", line: 31, column: 13))
    }

    @Test func theKeyIsKnownToPlansAndOnlyToPlans() {
        #expect(EngagementPlan.knownKeys["plan"]?.contains("checklists") == true)
        #expect(PageMetadata.keysByType["plan"]?.contains("checklists") == true)
    }

    @Test func aChecklistIsAnOrdinaryPageTaggedChecklist() {
        func page(_ path: String, type: String? = nil, tags: [String], index: Bool = false) -> Page {
            Page(
                sourcePath: path, displayPath: "content/" + path, url: "/", outputPath: "index.html", title: path,
                type: type, tags: tags, body: "", isSectionIndex: index)
        }
        let pages = [
            page("checklists/kick-off.md", tags: ["checklist"]),
            page("checklists/handoff.md", tags: ["handoffs", "checklist"]),
            page("checklists/_index.md", tags: ["checklist"], index: true),
            page("plans/a.md", type: "plan", tags: ["checklist"]),
            page("guide/links.md", tags: []),
        ]
        #expect(pages.map(\.isChecklist) == [true, true, false, false, false])
        let catalog = PageCatalog(pages: pages)
        #expect(catalog.checklistPaths == ["checklists/handoff.md", "checklists/kick-off.md"])
        #expect(catalog["guide/links.md"]?.isChecklist == false)
        #expect(catalog["nowhere.md"] == nil)
    }
}

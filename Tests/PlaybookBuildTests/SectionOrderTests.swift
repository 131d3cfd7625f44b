import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookModel
import PlaybookTesting
import Testing

/// `order:` in a section's page: the entries it names first, in its order, the others after by
/// weight, then title; the sidebar, the section's list and prev/next all follow it.
@Suite struct SectionOrderTests {
    static let files: [String: String] = [
        "content/_index.md": page("Home"),
        "content/steps/_index.md": page("Steps", weight: 1, extra: "order: [promise.md, plan.md, checklists/, execution.md]\n"),
        "content/steps/execution.md": page("Execution", weight: 1),
        "content/steps/plan.md": page("Plan", weight: 2),
        "content/steps/promise.md": page("Promise", weight: 3),
        "content/steps/outcomes.md": page("Outcomes", weight: 9),
        "content/steps/appendix.md": page("Appendix"),
        "content/steps/zebra.md": page("Zebra", weight: 5),
        "content/steps/checklists/_index.md": page("Checklists"),
        "content/steps/checklists/kick-off.md": page("Kick-off"),
        "content/about.md": page("About", weight: 2),
    ]

    /// The text of every diagnostic, as the CLI prints it.
    func printed(_ result: BuildResult) -> [String] { result.diagnostics.map(\.description) }

    /// The sidebar a built page shows (see `SidebarReader`).
    func nav(_ result: BuildResult, _ path: String) throws -> String {
        try #require(SidebarReader.sidebar(result, page: path))
    }

    @Test func listedEntriesComeFirstAndTheRestByWeightThenTitle() throws {
        let site = try FixtureSite(Self.files)
        let result = try site.build(write: false)
        #expect(result.succeeded, "\(printed(result))")
        #expect(
            result.pagesInNavigation.map(\.title) == [
                "Home", "Steps", "Promise", "Plan", "Checklists", "Kick-off", "Execution", "Zebra", "Outcomes",
                "Appendix", "About",
            ])
        let steps = try #require(FixtureSite.text(result, "steps/index.html"))
        #expect(
            steps.contains(
                """
                <ul class="children"><li><a href="/steps/promise/">Promise</a></li><li><a href="/steps/plan/">Plan</a></li>\
                <li><a href="/steps/checklists/">Checklists</a></li><li><a href="/steps/execution/">Execution</a></li>\
                <li><a href="/steps/zebra/">Zebra</a></li><li><a href="/steps/outcomes/">Outcomes</a></li>\
                <li><a href="/steps/appendix/">Appendix</a></li></ul>
                """))
    }

    @Test func theSidebarAndThePagerFollowTheOrder() throws {
        let site = try FixtureSite(Self.files)
        let result = try site.build(write: false)
        #expect(
            try nav(result, "steps/plan/index.html") == """
                <ul><li><a href="/steps/">Steps</a><ul><li><a href="/steps/promise/">Promise</a></li>\
                <li><a href="/steps/plan/">Plan</a></li><li><a href="/steps/checklists/">Checklists</a>\
                <ul><li><a href="/steps/checklists/kick-off/">Kick-off</a></li></ul></li>\
                <li><a href="/steps/execution/">Execution</a></li><li><a href="/steps/zebra/">Zebra</a></li>\
                <li><a href="/steps/outcomes/">Outcomes</a></li><li><a href="/steps/appendix/">Appendix</a></li></ul></li>\
                <li><a href="/about/">About</a></li></ul>
                """)
        let plan = try #require(FixtureSite.text(result, "steps/plan/index.html"))
        #expect(plan.contains("<a rel=\"prev\" href=\"/steps/promise/\">Promise</a>"))
        #expect(plan.contains("<a rel=\"next\" href=\"/steps/checklists/\">Checklists</a>"))
        let kickOff = try #require(FixtureSite.text(result, "steps/checklists/kick-off/index.html"))
        #expect(kickOff.contains("<a rel=\"next\" href=\"/steps/execution/\">Execution</a>"))
    }

    @Test func theRootSectionAndAFolderWrittenWithoutASlash() throws {
        var files = Self.files
        files["content/_index.md"] = page("Home", extra: "order:\n  - about.md\n  - steps\n")
        let result = try FixtureSite(files).build(write: false)
        #expect(result.succeeded, "\(printed(result))")
        #expect(Array(result.site.pages.map(\.title).prefix(3)) == ["Home", "About", "Steps"])
    }

    @Test func aHandbookFoldersReadmeOrIndexOrdersItToo() throws {
        var files = Self.files
        files["content/steps/_index.md"] = nil
        files["content/steps/README.md"] = "---\norder: [zebra.md, appendix.md]\n---\n# Steps\n"
        let result = try FixtureSite(files).build(write: false)
        #expect(result.succeeded, "\(printed(result))")
        let steps = try #require(result.site.sections.first { $0.path == "steps" })
        let titles = steps.children.compactMap { child -> String? in
            if case .page(let index) = child { return result.site.pages[index].title }
            return nil
        }
        #expect(titles.prefix(3) == ["Zebra", "Appendix", "Execution"])
    }

    @Test func anUnknownNameIsAnErrorAtItsItemWithAHint() throws {
        var files = Self.files
        files["content/steps/_index.md"] = "---\ntitle: Steps\norder:\n  - promise.md\n  - plann.md\n  - execution\n  - kick-off.md\n  - checklists/kick-off.md\nweight: 1\n---\n"
        let result = try FixtureSite(files).build(write: false)
        #expect(!result.succeeded)
        #expect(
            printed(result) == [
                """
                content/steps/_index.md:5:5: error: 'plann.md' in 'order' is not a page or folder in content/steps/ [order/unknown]
                    hint: did you mean 'plan.md'?
                """,
                """
                content/steps/_index.md:6:5: error: 'execution' in 'order' is not a page or folder in content/steps/ [order/unknown]
                    hint: did you mean 'execution.md'? pages are listed by file name
                """,
                """
                content/steps/_index.md:7:5: error: 'kick-off.md' in 'order' is not a page or folder in content/steps/ [order/unknown]
                    hint: its entries are appendix.md, checklists/, execution.md, outcomes.md, plan.md, promise.md, zebra.md
                """,
                """
                content/steps/_index.md:8:5: error: 'checklists/kick-off.md' in 'order' is not a page or folder in content/steps/ [order/unknown]
                    hint: list only this folder's own pages and folders; order the entries of 'checklists' in that folder's own _index.md
                """,
            ])
        // The names that are entries still count.
        #expect(result.site.pages.map(\.title).prefix(3) == ["Home", "Steps", "Promise"])
    }

    @Test func aNameListedTwiceIsAnError() throws {
        var files = Self.files
        files["content/steps/_index.md"] = "---\ntitle: Steps\norder: [plan.md, checklists, promise.md, checklists/]\n---\n"
        let result = try FixtureSite(files).build(write: false)
        #expect(
            printed(result) == [
                """
                content/steps/_index.md:3:42: error: 'checklists' is listed twice in 'order' [order/duplicate]
                    hint: it is already listed at line 3, column 18; remove one of the two
                """
            ])
    }

    @Test func aValueThatIsNotAListOfNamesIsAnError() throws {
        let site = try FixtureSite(Self.files)
        try site.write("content/steps/_index.md", "---\ntitle: Steps\norder: promise.md\n---\n")
        #expect(
            printed(try site.build(write: false)) == [
                """
                content/steps/_index.md:3:8: error: 'order' must be a list of the section's file and folder names, not text [field/type]
                    hint: write it as 'order: [promise.md, plan.md, checklists/]'
                """
            ])
        try site.write("content/steps/_index.md", "---\ntitle: Steps\norder:\n  - plan.md\n  - {name: promise.md}\n  - [a]\n---\n")
        #expect(
            printed(try site.build(write: false)) == [
                """
                content/steps/_index.md:5:5: error: each entry of 'order' must be a file or folder name, not a mapping [field/type]
                    hint: one name per entry: '- promise.md'
                """,
                """
                content/steps/_index.md:6:5: error: each entry of 'order' must be a file or folder name, not a list [field/type]
                    hint: one name per entry: '- promise.md'
                """,
            ])
    }

    @Test func orderOnAnOrdinaryPageIsAWarningAndIgnored() throws {
        var files = Self.files
        files["content/about.md"] = page("About", weight: 2, extra: "order: [steps]\n")
        let result = try FixtureSite(files).build(write: false)
        #expect(result.succeeded)
        #expect(
            printed(result) == [
                """
                content/about.md:4:1: warning: 'order' orders the entries of a section, but this is not a section's page; it is ignored [order/not-section-page]
                    hint: move it to content/_index.md (or the folder's index.md or README.md)
                """
            ])
        #expect(result.pagesInNavigation.last?.title == "About")
    }

    @Test func aDraftOrAPageWithErrorsMayBeListed() throws {
        let site = try FixtureSite(Self.files)
        try site.write("content/steps/plan.md", page("Plan", extra: "draft: true\n"))
        let result = try site.build(write: false)
        #expect(result.succeeded, "\(printed(result))")
        #expect(result.site.pages.map(\.title).prefix(4) == ["Home", "Steps", "Promise", "Checklists"])
        let withDrafts = try site.build(drafts: true, write: false)
        #expect(withDrafts.site.pages.map(\.title).prefix(4) == ["Home", "Steps", "Promise", "Plan"])
        // The page's own error is the only one: the name in 'order' is not reported again.
        try site.write("content/steps/promise.md", page("Promise", extra: "weight: heavy\n"))
        #expect(try site.build(write: false).diagnostics.map(\.code) == ["field/type"])
    }
}

import Foundation
import PlaybookTesting
import Testing

@Suite struct NewCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuildCommandTests.binary)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func siteWithArchetypes() throws -> FixtureSite {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var files = ["content/_index.md": page("Home")]
        for kind in ["page", "checklist", "plan"] {
            let url = repository.appendingPathComponent("templates/archetypes/\(kind).md")
            files["templates/archetypes/\(kind).md"] = try String(contentsOf: url, encoding: .utf8)
        }
        return try FixtureSite(files)
    }

    @Test func createsAPageWithItsTitleAndRefusesToOverwrite() throws {
        let site = try siteWithArchetypes()
        let created = try run(["new", "checklist", "checklists/escalation", "--title", "Escalation: first hour", "--source", site.root])
        #expect(created.status == 0)
        #expect(created.output == "created content/checklists/escalation.md from the checklist archetype\n")
        let text = try String(contentsOfFile: site.root + "/content/checklists/escalation.md", encoding: .utf8)
        #expect(text.hasPrefix(
            "---\n# How to write a checklist: /guide/checklists/ in the published site\ntitle: \"Escalation: first hour\"\ndraft: true\n"))
        #expect(text.contains("- [ ] "))
        try site.write("content/checklists/escalation.md", "mine")
        let again = try run(["new", "checklist", "checklists/escalation.md", "--source", site.root])
        #expect(again.status == 2)
        #expect(again.output.contains("already exists"))
        #expect(try String(contentsOfFile: site.root + "/content/checklists/escalation.md", encoding: .utf8) == "mine")
    }

    /// Each kind's file links the writers' guide page on writing it, from its front matter, and
    /// that page exists in the shipped guide.
    @Test func eachNewFileLinksItsGuidePage() throws {
        let site = try siteWithArchetypes()
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let expected = [
            ("page", "a page: /guide/writing-a-page/", "writing-a-page.md"),
            ("checklist", "a checklist: /guide/checklists/", "checklists.md"),
            ("plan", "an engagement plan: /guide/plans/", "plans.md"),
        ]
        for (kind, comment, guideFile) in expected {
            #expect(try run(["new", kind, "new-\(kind).md", "--source", site.root]).status == 0)
            let text = try String(contentsOfFile: site.root + "/content/new-\(kind).md", encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[0] == "---")
            #expect(lines[1] == "# How to write \(comment) in the published site", "\(kind)")
            #expect(text.components(separatedBy: "/guide/").count == 2, "one link to the guide in the \(kind)")
            #expect(FileManager.default.fileExists(atPath: repository + "/content/guide/" + guideFile), "\(guideFile)")
        }
        // The comment is YAML: the page and the checklist build as drafts with no warning, and
        // the plan lints to what is left to fill in, with no schema problem.
        try FileManager.default.removeItem(atPath: site.root + "/content/new-plan.md")
        let build = try run(["build", "--source", site.root, "--drafts"])
        #expect(build.status == 0, "\(build.output)")
        #expect(!build.output.contains("warning"), "\(build.output)")
        #expect(try run(["new", "plan", "new-plan.md", "--source", site.root]).status == 0)
        let lint = try run(["lint", "--source", site.root, site.root + "/content/new-plan.md"])
        #expect(lint.output.contains("[plan/owner]"))
        #expect(!lint.output.contains("schema/unknown-key"), "\(lint.output)")
    }

    @Test func refusesPathsOutsideContent() throws {
        let site = try siteWithArchetypes()
        for path in ["../escape.md", "/etc/x.md", "a/../../b.md"] {
            let result = try run(["new", "page", path, "--source", site.root])
            #expect(result.status == 2, "\(path)")
        }
    }

    @Test func aNewPlanIsADraftThatListsWhatToFillIn() throws {
        let site = try siteWithArchetypes()
        #expect(try run(["new", "plan", "plans/acme.md", "--source", site.root]).status == 0)
        let build = try run(["build", "--source", site.root])
        #expect(build.status == 0, "a draft plan does not break the build: \(build.output)")
        let lint = try run(["lint", "--source", site.root, site.root + "/content/plans/acme.md"])
        #expect(lint.status == 1)
        #expect(lint.output.contains("[plan/owner]"))
        #expect(!lint.output.contains("schema/unknown-key"))
    }
}

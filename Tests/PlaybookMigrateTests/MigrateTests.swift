import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookMigrate
import PlaybookModel
import PlaybookTesting
import Testing

/// `playbook migrate` on projects shaped like each tool's: what it plans, that a dry run writes
/// nothing, that a second run changes nothing, and that the migrated folder builds in the
/// other tool's order.
@Suite struct MigrateTests {
    /// A fixture project copied into a fixture site (minimal templates beside it).
    static func project(_ tool: String) throws -> FixtureSite {
        let site = try FixtureSite([:])
        let source = try #require(Bundle.module.resourcePath) + "/Fixtures/" + tool
        for entry in FolderWalker(root: source).entries() where entry.kind == .file {
            try site.write(entry.path, try Data(contentsOf: URL(fileURLWithPath: entry.absolutePath)))
        }
        // .pages files are hidden, so the walk above leaves them out.
        let pages = source + "/docs/reference/.pages"
        if FileManager.default.fileExists(atPath: pages) {
            try site.write("docs/reference/.pages", try Data(contentsOf: URL(fileURLWithPath: pages)))
        }
        return site
    }

    /// Migrates with `--write` and builds; returns the report and the build.
    static func migrateAndBuild(_ tool: SourceTool) throws -> (Migrator.Report, BuildResult, FixtureSite) {
        let site = try project(tool.rawValue)
        let migrator = Migrator(root: site.root, tool: tool)
        let report = migrator.apply(migrator.plan(), write: true)
        return (report, try site.build(write: false), site)
    }

    func titles(_ result: BuildResult) -> [String] { result.pagesInNavigation.map(\.title) }

    @Test func mkdocsNavBecomesOrdersAndBuildsInItsOrder() throws {
        let (report, result, _) = try Self.migrateAndBuild(.mkdocs)
        #expect(!report.diagnostics.contains { $0.severity != .note }, "\(report.diagnostics)")
        #expect(result.succeeded, "\(result.diagnostics.map(\.description))")
        #expect(titles(result) == [
            "Acme Handbook", "Getting started", "User guide", "Configure", "Install", "Advanced", "Scaling", "Tuning",
            "API Reference", "Config", "CLI", "Appendix", "About",
        ])
        let notes = report.diagnostics.map(\.description)
        #expect(notes.contains { $0.hasPrefix("mkdocs.yml:31:13: note: the nav entry 'GitHub' links to another site") })
        #expect(notes.contains { $0.hasPrefix("mkdocs.yml:18:5: note: the plugin 'macros'") })
        #expect(result.site.config.contentFolder == "docs" && result.site.config.repository == "https://github.com/acme/handbook")
    }

    /// `index.markdown` makes its folder's page in Playbook (`PageLocation.sectionIndexNames`),
    /// so the migration must treat it so too: not list it among the folder's entries, and not
    /// write an `_index.md` beside it.
    @Test func aFoldersIndexWrittenAsDotMarkdownIsItsSectionPage() throws {
        let site = try FixtureSite([
            "mkdocs.yml": "site_name: Docs\nnav:\n  - Home: index.md\n  - Guide:\n    - guide/index.markdown\n    - guide/setup.md\n",
            "docs/index.md": "# Home\n",
            "docs/guide/index.markdown": "# Guide\n",
            "docs/guide/setup.md": "# Setup\n",
        ])
        let migrator = Migrator(root: site.root, tool: .mkdocs)
        let report = migrator.apply(migrator.plan(), write: true)
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: site.root + "/docs/guide/_index.md"))
        let result = try site.build(write: false)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        #expect(titles(result) == ["Home", "Guide", "Setup"])
    }

    @Test func mdbookSummaryBecomesOrdersWithDraftsAndPartsNoted() throws {
        let (report, result, _) = try Self.migrateAndBuild(.mdbook)
        #expect(result.succeeded, "\(result.diagnostics.map(\.description))")
        let shown = titles(result).filter { $0 != "Summary" }
        #expect(shown == ["Introduction", "Install", "Escalation", "Tiers", "On call", "Billing", "Reference", "Glossary", "Contributors"])
        let codes = report.diagnostics.map { "\($0.location.file):\($0.location.line) \($0.code)" }
        #expect(codes.contains("src/SUMMARY.md:11 migrate/summary-draft"))
        #expect(codes.contains("src/SUMMARY.md:14 migrate/summary-separator"))
        #expect(codes.contains("src/SUMMARY.md:16 migrate/summary-part"))
        #expect(result.site.config.title == "The Support Book")
    }

    @Test func hugoKeepsWeightsAndReportsShortcodesAtTheirLines() throws {
        let (report, result, site) = try Self.migrateAndBuild(.hugo)
        #expect(result.succeeded, "\(result.diagnostics.map(\.description))")
        #expect(titles(result).prefix(4) == ["Acme Support", "Docs", "Escalating a case to engineering", "Setup"])
        let notes = report.diagnostics.map(\.description)
        #expect(notes.contains { $0.hasPrefix("content/docs/escalate.md:10:1: note: the shortcode '{{< figure") })
        #expect(notes.contains { $0.hasPrefix("content/docs/escalate.md:16:29: note: the shortcode '{{% /notice %}}'") })
        #expect(!notes.contains { $0.contains("not-a-shortcode") })
        #expect(notes.contains { $0.hasPrefix("content/docs/legacy.md:1:1: note: this page's front matter is TOML") })
        let setup = try String(contentsOfFile: site.root + "/content/docs/setup.md", encoding: .utf8)
        #expect(setup == "---\ntitle: Setup\nweight: 2\n---\nSet up.\n")
    }

    @Test func jekyllRedirectsBecomeAliasesAndNavOrderWeight() throws {
        let (report, result, site) = try Self.migrateAndBuild(.jekyll)
        #expect(result.succeeded, "\(result.diagnostics.map(\.description))")
        #expect(titles(result) == ["Home", "Escalation", "Triage"])
        let triage = try String(contentsOfFile: site.root + "/docs/triage.md", encoding: .utf8)
        #expect(triage == "---\ntitle: Triage\nweight: 3\naliases:\n  - /old-triage/\n  - /triage.html\n---\nSort the queue.\n")
        #expect(result.files.contains { $0.path == "old-triage/index.html" })
        let notes = report.diagnostics.map(\.description)
        #expect(notes.contains { $0.hasPrefix("docs/escalation.md:10:9: note: the Liquid tag '{{ site.title }}'") })
    }

    @Test(arguments: SourceTool.allCases) func aDryRunWritesNothingAndASecondRunChangesNothing(tool: SourceTool) throws {
        let site = try Self.project(tool.rawValue)
        let before = FixtureSite.snapshot(of: site.root)
        let migrator = Migrator(root: site.root, tool: tool)
        let dry = migrator.apply(migrator.plan(), write: false)
        #expect(dry.changedFiles > 0)
        #expect(FixtureSite.snapshot(of: site.root) == before)
        _ = migrator.apply(migrator.plan(), write: true)
        let once = FixtureSite.snapshot(of: site.root)
        let again = migrator.apply(migrator.plan(), write: true)
        #expect(again.changedFiles == 0)
        #expect(FixtureSite.snapshot(of: site.root) == once)
    }

    @Test(arguments: SourceTool.allCases) func aFolderOfAnotherToolIsAProblemNotACrash(tool: SourceTool) throws {
        let site = try FixtureSite([:])
        let migrator = Migrator(root: site.root, tool: tool)
        let report = migrator.apply(migrator.plan(), write: true)
        #expect(report.diagnostics.hasErrors)
        #expect(report.changedFiles == 0)
    }

    @Test func brokenInputBecomesPositionedProblems() throws {
        let site = try FixtureSite(["mkdocs.yml": "site_name: [unclosed\nnav:\n  - a.md\n"])
        let migrator = Migrator(root: site.root, tool: .mkdocs)
        let report = migrator.apply(migrator.plan(), write: false)
        #expect(report.diagnostics.first?.location.file == "mkdocs.yml" && report.diagnostics.hasErrors)
    }
}

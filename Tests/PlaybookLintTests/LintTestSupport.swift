import Foundation
import PlaybookDiagnostics
import PlaybookLint
import PlaybookModel
import Testing

/// Paths of the fixtures beside these tests, and the golden-file assertion.
enum Fixtures {
    /// `Tests/PlaybookLintTests/Fixtures` in the source tree (goldens are re-recorded there).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The absolute path of a fixture.
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The site settings page fixtures are linted with: two owners, reviews every 6 months,
    /// an owner required (as a warning), and today pinned to 2026-06-01.
    static let pageSettings = PageLintSettings(
        owners: ["Priya Nair", "Support team"], reviewEvery: ReviewPeriod(6, .months), requireOwner: .warning,
        today: PlanDate(year: 2026, month: 6, day: 1))

    /// The pages `plan/checklist` fixtures refer to: two checklists and a page that is not one.
    static let catalog = PageCatalog(entries: [
        .init(sourcePath: "checklists/kick-off.md", title: "Kick-off checklist", isChecklist: true),
        .init(sourcePath: "checklists/handoff.md", title: "Handoff checklist", isChecklist: true),
        .init(sourcePath: "guide/links.md", title: "Links", isChecklist: false),
    ])

    /// The linter for a rule's fixtures: page rules' with `pageSettings`, plan rules' as configured
    /// by default, with `catalog` as the site's pages.
    static func linter(for rule: String) -> Linter {
        rule.hasPrefix("page/") ? Linter(pages: pageSettings) : Linter(catalog: catalog)
    }

    /// Lints one fixture, named in findings by its path under `Fixtures/`.
    static func lint(_ relative: String, with linter: Linter = Linter()) -> LintReport {
        let report = linter.lint(targets: [LintTarget(path: path(relative), display: relative, explicit: true)])
        guard let (oldURL, aliases) = move(in: relative) else { return report }
        let move = PageMove(oldFile: "content/old.md", newFile: relative, oldURL: oldURL)
        let page = PageAddress(file: relative, url: "/new/", aliases: aliases)
        return report.adding(linter.movedPageFindings(moves: [move], pages: [page]))
    }

    /// For `page/moved-without-alias` fixtures: the old URL their body names
    /// (`moved-from: /old/`), which git would give, and the paths of their `aliases: [...]`.
    static func move(in relative: String) -> (oldURL: String, aliases: [PageAlias])? {
        guard let text = try? String(contentsOfFile: path(relative), encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("moved-from: ") })
        else { return nil }
        let listed = text.split(separator: "\n").first { $0.hasPrefix("aliases: [") }.map {
            $0.dropFirst("aliases: [".count).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        } ?? []
        let aliases = listed.map { PageAlias(path: $0, outputPath: "", location: SourceLocation(file: relative, line: 5)) }
        return (String(line.dropFirst("moved-from: ".count)), aliases)
    }

    /// The `expect: LINE:COL` lines of a fixture's body: where its findings must be.
    static func expectedPositions(_ relative: String) throws -> [String] {
        let text = try String(contentsOfFile: path(relative), encoding: .utf8)
        return text.split(separator: "\n").filter { $0.hasPrefix("expect: ") }.map { String($0.dropFirst("expect: ".count)) }
    }
}

/// Compares `actual` with the golden file `Fixtures/golden/<name>`; with `RECORD_SNAPSHOTS=1`
/// in the environment, writes the file instead. A missing golden file fails.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = Fixtures.root.appendingPathComponent("golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden file \(name); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "output differs from golden/\(name)", sourceLocation: sourceLocation)
}

import Foundation
import PlaybookDiagnostics
import PlaybookLint
import Testing

/// The plans shipped in content/ (the template and the worked examples) lint with no finding,
/// with the repository's own configuration and framework.
@Suite struct ShippedPlansTests {
    @Test func shippedPlansLintClean() throws {
        let root = Fixtures.repository.path
        let (linter, warnings) = try Linter.forSite(at: root)
        #expect(warnings.map(\.description) == [])
        let (targets, missing) = try Linter.targets(paths: [], source: root)
        #expect(missing.isEmpty)
        let report = linter.lint(targets: targets)
        #expect(report.findings.map(\.diagnostic.description) == [])
        #expect(report.planCount >= 3)
        let files = report.files.filter(\.isPlan).map(\.file)
        #expect(files.contains("content/plans/template.md"))
    }
}

import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookTesting
import Testing

/// The build runs the lint over every plan: errors fail it unless `lint.fail-build: false`,
/// plan pages show their structure and findings, and the rule pages are generated.
@Suite struct LintBuildTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ relative: String) throws -> String {
        try String(
            contentsOf: repository.appendingPathComponent("Tests/PlaybookLintTests/Fixtures").appendingPathComponent(relative),
            encoding: .utf8)
    }

    /// The shipped templates, so plan and lint pages render as on the real site.
    static func shippedTemplates() throws -> [String: String] {
        let folder = repository.appendingPathComponent("templates")
        var files: [String: String] = [:]
        let paths = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        for path in paths where path.hasSuffix(".mustache") {
            files["templates/" + path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    func site(_ files: [String: String]) throws -> FixtureSite {
        var all = try Self.shippedTemplates()
        all["content/_index.md"] = page("Home")
        for (path, text) in files { all[path] = text }
        return try FixtureSite(all)
    }

    @Test func lintErrorsFailTheBuildAtTheirPositions() throws {
        let site = try site(["content/plans/acme.md": try Self.fixture("plan/owner/fail.md")])
        let result = try site.build()
        #expect(!result.succeeded)
        #expect(!result.wrote)
        #expect(result.diagnostics.map(\.description) == [
            "content/plans/acme.md:26:12: error: The Plan: task 'import-depots' is owned by 'Sam Ortis', who is not on the team [plan/owner]\n    hint: did you mean 'Sam Ortiz'? · rule: /lint/plan/owner/ · The Plan: /framework/plan/"
        ])
    }

    @Test func failBuildFalseReportsErrorsAsWarningsAndShowsThemOnThePage() throws {
        let site = try site([
            "playbook.yml": "base-url: /handbook/\nlint:\n  fail-build: false\n",
            "content/plans/acme.md": try Self.fixture("plan/owner/fail.md"),
        ])
        let result = try site.build()
        #expect(result.succeeded)
        #expect(result.wrote)
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.code == "plan/owner")
        let html = try #require(FixtureSite.text(result, "plans/acme/index.html"))
        #expect(html.contains("<h2 id=\"lint-findings\">Lint findings <span class=\"lint-count\">1 error, 0 warnings</span></h2>"))
        #expect(html.contains("<span class=\"finding-line\">line 26</span> The Plan: task &#39;import-depots&#39; is owned by &#39;Sam Ortis&#39;, who is not on the team"))
        #expect(html.contains("<a class=\"finding-rule\" href=\"/handbook/lint/plan/owner/\"><code>plan/owner</code></a>"))
        #expect(html.contains("did you mean &#39;Sam Ortiz&#39;?"))
    }

    @Test func aPlanPageShowsItsStructure() throws {
        let site = try site(["content/plans/acme.md": try Self.fixture("schema/unknown-key/pass.md")])
        let result = try site.build()
        #expect(result.diagnostics.map(\.description) == [])
        let html = try #require(FixtureSite.text(result, "plans/acme/index.html"))
        let expected = [
            "<dt>Customer</dt><dd>Acme Logistics</dd>",
            "<dt>Accountable</dt><dd>Dana Reyes</dd>",
            "(67 days)",
            "<tr class=\"customer-side\"><th scope=\"row\">Lee Park</th><td>IT lead</td><td>customer</td></tr>",
            "<h2 id=\"plan-promise\"><a href=\"/framework/promise/\">The Promise</a></h2>",
            "<tr id=\"promise-planning-time\"><th scope=\"row\">Dispatchers plan a day&#39;s routes in under 30 minutes <code class=\"plan-id\">planning-time</code></th>",
            "<td class=\"plan-target\">30 minutes</td><td>6 person-weeks</td><td>import-depots, go-live</td>",
            "<span class=\"plan-spec\">All 14 depots, vehicles with capacity</span></th><td>Sam Ortiz</td><td><time datetime=\"2026-01-30\">2026-01-30</time></td>",
            "<li><a href=\"#promise-planning-time\">planning-time</a></li>",
            "<dt>Check-in</dt><dd>Every week: Tuesday call, then a written summary the same day</dd>",
            "<dt>Recovery</dt><dd>Dana Reyes responds within 4 hours</dd>",
            "<strong>Sales → Delivery</strong> on <time datetime=\"2026-01-12\">2026-01-12</time>, owned by Dana Reyes",
            "<li>signed scope</li><li>customer contacts</li>",
            "<td><time datetime=\"2026-03-13\">2026-03-13</time></td><td>26 minutes</td>",
        ]
        for fragment in expected {
            #expect(html.contains(fragment), "missing: \(fragment)")
        }
        #expect(!html.contains("lint-findings"))
        #expect(html.contains("class=\"sidebar\""))
    }

    @Test func planValuesAreEscaped() throws {
        let plan = try Self.fixture("framework/steps/pass.md")
            .replacingOccurrences(of: "customer: Acme Logistics", with: "customer: \"<script>alert(1)</script> & Co\"")
        let site = try site(["content/plans/acme.md": plan])
        let result = try site.build()
        let html = try #require(FixtureSite.text(result, "plans/acme/index.html"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        #expect(!html.contains("<script>alert(1)"))
    }

    @Test func rulePagesAreGeneratedFromTheRegistryWithNavigation() throws {
        let site = try site([
            "playbook.yml": "lint:\n  rules:\n    promise/vague: off\n",
            "content/plans/acme.md": try Self.fixture("framework/steps/pass.md"),
        ])
        let result = try site.build()
        #expect(result.succeeded)
        let paths = Set(result.files.map(\.path))
        for id in ["schema/invalid", "plan/owner", "outcomes/timing", "engagement/customer-on-team"] {
            #expect(paths.contains("lint/\(id)/index.html"), "no page for \(id)")
        }
        #expect(result.files.filter { $0.path.hasPrefix("lint/") && $0.path.hasSuffix("/index.html") }.count == 27)  // 26 rules and the index
        let index = try #require(FixtureSite.text(result, "lint/index.html"))
        #expect(index.contains("<a href=\"/lint/plan/owner/\"><code>plan/owner</code></a>"))
        #expect(index.contains("<span class=\"severity severity-off\">off</span>"))
        #expect(index.contains("<dt>Rarest check-in</dt><dd>every 2 weeks</dd>"))
        let rule = try #require(FixtureSite.text(result, "lint/promise/vague/index.html"))
        #expect(rule.contains("<h1><code>promise/vague</code></h1>"))
        #expect(rule.contains("<dt>In this playbook</dt><dd><span class=\"severity severity-off\">off</span></dd>"))
        #expect(rule.contains("<h2 id=\"fails\">Fails</h2>"))
        #expect(rule.contains("outcome: Dispatchers plan their routes quickly"))
        #expect(rule.contains("<title>promise/vague · "))
        #expect(rule.contains("<dt>Framework step</dt><dd><a href=\"/framework/promise/\">The Promise</a></dd>"))
        // The rule pages sit in the navigation like any section, and in the sitemap.
        let home = try #require(SidebarReader.sidebar(result, page: "index.html"))
        #expect(home.contains("href=\"/lint/\""))
        #expect(home.contains("href=\"/lint/plan/owner/\""))
        #expect(FixtureSite.text(result, "sitemap.xml")?.contains("<loc>/lint/plan/owner/</loc>") == true)
    }

    @Test func aSiteWithoutPlansHasNoRulePages() throws {
        let result = try site(["content/a.md": page("A")]).build()
        #expect(result.succeeded)
        #expect(!result.files.contains { $0.path.hasPrefix("lint/") })
    }

    @Test func aBadLintConfigFailsTheBuildAtItsLine() throws {
        let site = try site([
            "playbook.yml": "title: Site\nlint:\n  rules:\n    plan/ownr: off\n",
            "content/plans/acme.md": try Self.fixture("framework/steps/pass.md"),
        ])
        let result = try site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.description) == [
            "playbook.yml:4:5: error: unknown lint rule 'plan/ownr' [lint/config]\n    hint: did you mean 'plan/owner'?"
        ])
    }

    @Test func contentUnderLintKeepsItsPagesAndSkipsTheGeneratedOnes() throws {
        let site = try site([
            "content/plans/acme.md": try Self.fixture("framework/steps/pass.md"),
            "content/lint/_index.md": page("Our own lint notes"),
        ])
        let result = try site.build()
        #expect(result.diagnostics.map(\.code) == ["lint/pages"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(FixtureSite.text(result, "lint/index.html")?.contains("Our own lint notes") == true)
        #expect(!result.files.contains { $0.path == "lint/plan/owner/index.html" })
    }

    /// A rebuild that keeps the navigation still shows the plan's findings of this build's lint,
    /// not those of the build before.
    @Test func aRebuildShowsTheEditedPlansNewFindings() throws {
        let failing = try Self.fixture("plan/owner/fail.md")
        let site = try site(["playbook.yml": "lint:\n  fail-build: false\n", "content/plans/acme.md": failing])
        let builder = BuildSession(options: BuildOptions(source: site.root, output: nil))
        let before = try builder.build(changed: nil)
        #expect(FixtureSite.text(before, "plans/acme/index.html")?.contains("1 error, 0 warnings") == true)
        try site.write("content/plans/acme.md", failing.replacingOccurrences(of: "owner: Sam Ortis", with: "owner: Sam Ortiz"))
        let after = try builder.build(changed: ["content/plans/acme.md"])
        #expect(after.diagnostics.isEmpty)
        let html = try #require(FixtureSite.text(after, "plans/acme/index.html"))
        #expect(!html.contains("is owned by &#39;Sam Ortis&#39;"))
        #expect(!html.contains("1 error"))
    }
}

import Foundation
import PlaybookBuild
import PlaybookTesting
import Testing

/// Fenced code in a whole build: known languages highlighted, the rest plain, never a problem.
@Suite struct CodeHighlightBuildTests {
    @Test func fencesAreHighlightedOrLeftPlainWithoutDiagnostics() throws {
        let body = """
            ```bash
            if [ "$a" -lt 3 ] && echo "<ok>"; then exit 1; fi
            ```

            ```python title="x"
            print("a < b")  # done
            ```

            ```mermaidx
            graph TD; a --> b
            ```

            ```
            no language & no colour
            ```

            """
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/code.md": page("Code", body),
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics.isEmpty)
        let html = try #require(FixtureSite.text(result, "code/index.html"))
        #expect(html.contains("<pre class=\"highlight\"><code class=\"language-bash\"><span class=\"hl-keyword\">if</span>"))
        #expect(html.contains("<span class=\"hl-string\">&quot;&lt;ok&gt;&quot;</span>"))
        #expect(html.contains("<pre class=\"highlight\"><code class=\"language-python\">"))
        #expect(html.contains("<span class=\"hl-comment\"># done</span>"))
        #expect(html.contains("<pre><code class=\"language-mermaidx\">graph TD; a --&gt; b\n</code></pre>"))
        #expect(html.contains("<pre><code>no language &amp; no colour\n</code></pre>"))
    }

    @Test func withoutACodeColouringFencesStayPlainBlocks() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "```bash\necho \"<ok>\"\n```\n\n```yaml front-matter\ntitle: A\n```\n"),
        ])
        // The options as a library user makes them: no `codeColouring`.
        let result = try SiteBuilder(options: BuildOptions(source: site.root, output: nil)).build()
        #expect(result.diagnostics.isEmpty)
        let html = try #require(FixtureSite.text(result, "a/index.html"))
        #expect(html.contains("<pre><code class=\"language-bash\">echo &quot;&lt;ok&gt;&quot;\n</code></pre>"))
        #expect(html.contains("<pre><code class=\"language-yaml\">title: A\n</code></pre>"))
        #expect(!html.contains("hl-"))
    }

    @Test func highlightingIsTheSameOnEveryBuild() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "```swift\nlet x: Int = 1 // one\n```\n\n```json\n{\"a\": [1, 2]}\n```\n"),
        ])
        let first = FixtureSite.text(try site.build(write: false), "a/index.html")
        let second = FixtureSite.text(try site.build(write: false), "a/index.html")
        #expect(first != nil)
        #expect(first == second)
    }
}

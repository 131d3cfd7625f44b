import PlaybookMarkdown
import Testing

/// GFM tables (spec 4.10); expected HTML is what cmark-gfm 0.29 writes.
@Suite struct TableTests {
    let renderer = MarkdownRenderer()

    func html(_ text: String) -> String { renderer.render(text).html }

    // MARK: - GFM spec examples 198–205

    @Test func example198() {
        #expect(
            html("| foo | bar |\n| --- | --- |\n| baz | bim |\n") == """
                <table>
                <thead>
                <tr>
                <th>foo</th>
                <th>bar</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>baz</td>
                <td>bim</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func example199() {
        #expect(
            html("| abc | defghi |\n:-: | -----------:\nbar | baz\n") == """
                <table>
                <thead>
                <tr>
                <th align="center">abc</th>
                <th align="right">defghi</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td align="center">bar</td>
                <td align="right">baz</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func example200() {
        #expect(
            html("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n") == """
                <table>
                <thead>
                <tr>
                <th>f|oo</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>b <code>|</code> az</td>
                </tr>
                <tr>
                <td>b <strong>|</strong> im</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func example201() {
        #expect(
            html("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n") == """
                <table>
                <thead>
                <tr>
                <th>abc</th>
                <th>def</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>bar</td>
                <td>baz</td>
                </tr>
                </tbody>
                </table>
                <blockquote>
                <p>bar</p>
                </blockquote>

                """)
    }

    @Test func example202() {
        #expect(
            html("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n") == """
                <table>
                <thead>
                <tr>
                <th>abc</th>
                <th>def</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>bar</td>
                <td>baz</td>
                </tr>
                <tr>
                <td>bar</td>
                <td></td>
                </tr>
                </tbody>
                </table>
                <p>bar</p>

                """)
    }

    @Test func example203() {
        #expect(html("| abc | def |\n| --- |\n| bar |\n") == "<p>| abc | def |\n| --- |\n| bar |</p>\n")
    }

    @Test func example204() {
        #expect(
            html("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n") == """
                <table>
                <thead>
                <tr>
                <th>abc</th>
                <th>def</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>bar</td>
                <td></td>
                </tr>
                <tr>
                <td>bar</td>
                <td>baz</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func example205() {
        #expect(
            html("| abc | def |\n| --- | --- |\n") == """
                <table>
                <thead>
                <tr>
                <th>abc</th>
                <th>def</th>
                </tr>
                </thead>
                </table>

                """)
    }

    // MARK: - Beyond the spec examples

    @Test func inlineMarkupInCells() {
        let result = html("| *a* | `b` | [c](d) | ![e](f) |\n|---|---|---|---|\n| **g** | h\\|i | `j\\|k` | <x@y.z> |\n")
        #expect(result.contains("<th><em>a</em></th>\n<th><code>b</code></th>\n<th><a href=\"d\">c</a></th>\n<th><img src=\"f\" alt=\"e\" /></th>"))
        #expect(result.contains("<td><strong>g</strong></td>\n<td>h|i</td>\n<td><code>j|k</code></td>\n<td><a href=\"mailto:x@y.z\">x@y.z</a></td>"))
    }

    @Test func blockSyntaxInACellIsText() {
        let result = html("| # a | - b |\n| - | - |\n| > c | [e]: f |\n")
        #expect(result.contains("<th># a</th>\n<th>- b</th>"))
        #expect(result.contains("<td>&gt; c</td>\n<td>[e]: f</td>"))
    }

    @Test func shortRowsArePaddedAndLongRowsCut() {
        let result = html("a | b | c\n--|--|--\n1\n1 | 2 | 3 | 4 | 5\n")
        #expect(result.contains("<tr>\n<td>1</td>\n<td></td>\n<td></td>\n</tr>"))
        #expect(result.contains("<tr>\n<td>1</td>\n<td>2</td>\n<td>3</td>\n</tr>"))
        #expect(!result.contains("4"))
    }

    @Test func alignments() {
        let result = html("| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n")
        #expect(result.contains("<th align=\"left\">l</th>\n<th align=\"center\">c</th>\n<th align=\"right\">r</th>\n<th>n</th>"))
        #expect(result.contains("<td align=\"left\">1</td>\n<td align=\"center\">2</td>\n<td align=\"right\">3</td>\n<td>4</td>"))
    }

    @Test func delimiterRowWithoutPipesMakesAOneColumnTable() {
        #expect(html("a\n:--\n") == "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test func linesBeforeTheHeaderRowStayAParagraph() {
        #expect(
            html("Intro *text\n| a | b |\n| - | - |\n| c | d |\n") == """
                <p>Intro *text</p>
                <table>
                <thead>
                <tr>
                <th>a</th>
                <th>b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>c</td>
                <td>d</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func tableInAListItem() {
        #expect(
            html("- item\n\n  | a | b |\n  |:-|-:|\n  | c | d |\n- next\n") == """
                <ul>
                <li>
                <p>item</p>
                <table>
                <thead>
                <tr>
                <th align="left">a</th>
                <th align="right">b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td align="left">c</td>
                <td align="right">d</td>
                </tr>
                </tbody>
                </table>
                </li>
                <li>
                <p>next</p>
                </li>
                </ul>

                """)
    }

    @Test func tableInABlockQuote() {
        #expect(
            html("> | a | b |\n> | - | - |\n> | *c* | d |\n") == """
                <blockquote>
                <table>
                <thead>
                <tr>
                <th>a</th>
                <th>b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td><em>c</em></td>
                <td>d</td>
                </tr>
                </tbody>
                </table>
                </blockquote>

                """)
    }

    @Test func aLineWithoutTheQuoteMarkerEndsTheQuoteAndTheTable() {
        let result = html("> | a | b |\n> | - | - |\n> | c | d |\ne | f\n> g\n")
        #expect(result.hasSuffix("</table>\n</blockquote>\n<p>e | f</p>\n<blockquote>\n<p>g</p>\n</blockquote>\n"))
    }

    @Test func blocksThatCannotInterruptAParagraphEndATable() {
        #expect(html("| a |\n| - |\n| b |\n    code\n").hasSuffix("</table>\n<pre><code>code\n</code></pre>\n"))
        #expect(html("| a |\n| - |\n| b |\n2. x\n").hasSuffix("</table>\n<ol start=\"2\">\n<li>x</li>\n</ol>\n"))
        #expect(html("| a |\n| - |\n| b |\n|\n").hasSuffix("</table>\n<p>|</p>\n"))
    }

    @Test func setextUnderlinesUnderATable() {
        #expect(html("| a |\n| - |\n| b |\n---\n").hasSuffix("</tbody>\n</table>\n<hr />\n"))
        #expect(html("| a |\n| - |\n| b |\n===\n").hasSuffix("<tr>\n<td>===</td>\n</tr>\n</tbody>\n</table>\n"))
        #expect(renderer.render("| a |\n| - |\n| b |\n---\n").headings.isEmpty)
    }

    @Test func linksInCellsAreReportedAndRewritten() {
        let text = "Intro\n\n| Page | Image |\n| --- | --- |\n| see [the plan](plan.md) | ![c](img/c.png) |\n"
        let result = renderer.render(text, rewriteLink: { destination, isImage in
            isImage ? nil : "/plan/"
        })
        #expect(result.links.count == 2)
        #expect(result.links[0] == MarkdownLink(destination: "plan.md", isImage: false, line: 5, column: 7))
        #expect(result.links[1] == MarkdownLink(destination: "img/c.png", isImage: true, line: 5, column: 29))
        #expect(result.html.contains("<td>see <a href=\"/plan/\">the plan</a></td>"))
        #expect(result.html.contains("<td><img src=\"img/c.png\" alt=\"c\" /></td>"))
    }

    @Test func linkPositionsInQuotedTablesAndAfterEscapedPipes() {
        let result = renderer.render("> | a | b |\n> |---|---|\n> | x\\|y | [l](u) |\n")
        #expect(result.links == [MarkdownLink(destination: "u", isImage: false, line: 3, column: 12)])
    }

    @Test func referenceLinksInCellsUseTheDocumentsDefinitions() {
        let result = renderer.render("| a |\n| - |\n| [x][ref] |\n\n[ref]: /target\n")
        #expect(result.html.contains("<td><a href=\"/target\">x</a></td>"))
        #expect(result.links.map(\.destination) == ["/target"])
    }

    @Test func rawHTMLInCellsIsFilteredByDefault() {
        let text = "| a | <b onclick=\"x()\">b</b> |\n| - | - |\n| <script>alert(1)</script> | [c](javascript:alert(1)) |\n"
        let safe = renderer.render(text).html
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("onclick"))
        #expect(!safe.contains("javascript:"))
        #expect(safe.contains("<th>b</th>"))
        #expect(safe.contains("<td></td>"))
        let unsafe = MarkdownRenderer(options: MarkdownOptions(allowUnsafeHTML: true)).render(text).html
        #expect(unsafe.contains("<th><b onclick=\"x()\">b</b></th>"))
    }

    @Test func cellTextIsInThePlainTextAndSections() {
        let result = renderer.render("# Title\n\n| a | b |\n| - | - |\n| *c* | d |\n\n## Next\n\ntext\n")
        #expect(result.plainText == "Title\na b\nc d\nNext\ntext\n")
        #expect(result.sectionTexts == ["", "a b\nc d\n", "text\n"])
        #expect(result.headings.map(\.id) == ["title", "next"])
    }

    @Test func tasksAndHeadingsStillWorkAroundTables() {
        let result = renderer.render("- [ ] Do it\n\n| a |\n| - |\n| [ ] not a task |\n\n## After\n")
        #expect(result.tasks.map(\.id) == ["task-do-it"])
        #expect(result.html.contains("<td>[ ] not a task</td>"))
        #expect(result.headings.map(\.text) == ["After"])
    }

    @Test func hugeInputsStayFast() {
        let wide = String(repeating: "|", count: 10_000) + "\n" + String(repeating: "-|", count: 5_000) + "\n"
        let manyRows = "| a | b | c |\n|---|---|---|\n" + String(repeating: "| 1 | *2* | [3](x) |\n", count: 10_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = renderer.render(wide)
            let rows = renderer.render(manyRows)
            #expect(rows.links.count == 10_000)
            #expect(rows.links.last?.line == 10_002)
        }
        #expect(elapsed < .seconds(10))
    }
}

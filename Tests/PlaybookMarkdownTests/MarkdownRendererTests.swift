import PlaybookMarkdown
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func headingsGetUniqueIdsAndAreReported() {
        let result = renderer.render("## Pitfalls\n\ntext\n\n## Pitfalls\n\n### *Why* it matters\n")
        #expect(result.headings.map(\.id) == ["pitfalls", "pitfalls-1", "why-it-matters"])
        #expect(result.headings.map(\.level) == [2, 2, 3])
        #expect(result.headings.map(\.line) == [1, 5, 7])
        #expect(result.headings[2].text == "Why it matters")
        #expect(result.html.contains("<h2 id=\"pitfalls-1\">"))
        #expect(result.html.contains("<h3 id=\"why-it-matters\">\n<em>Why</em> it matters\n<a class=\"heading-anchor\" href=\"#why-it-matters\" aria-label=\"Link to the section \u{201C}Why it matters\u{201D}\">#</a></h3>"))
    }

    @Test func taskItemsBecomeCheckboxesWithStableIds() {
        let result = renderer.render("- [ ] Call the customer\n- [x] Send the *summary*\n- [ ] Call the customer\n- not a task\n")
        #expect(result.tasks.map(\.id) == ["task-call-the-customer", "task-send-the-summary", "task-call-the-customer-1"])
        #expect(result.tasks.map(\.checked) == [false, true, false])
        #expect(result.tasks.map(\.line) == [1, 2, 3])
        #expect(
            result.html == """
                <ul>
                <li><label class="task"><input type="checkbox" class="task-box" id="task-call-the-customer"> Call the customer</label></li>
                <li><label class="task"><input type="checkbox" class="task-box" id="task-send-the-summary" checked> Send the <em>summary</em></label></li>
                <li><label class="task"><input type="checkbox" class="task-box" id="task-call-the-customer-1"> Call the customer</label></li>
                <li>not a task</li>
                </ul>

                """)
    }

    @Test func bracketsThatAreNotTaskMarkersStayText() {
        let result = renderer.render("- [link](x.md) item\n- [y] maybe\n")
        #expect(result.tasks.isEmpty)
        #expect(!result.html.contains("checkbox"))
    }

    @Test func linksAreReportedWithPositionsAndRewritten() {
        let text = "Intro line.\n\nSee [the plan](plan.md#risks) and ![chart](img/c.png).\n"
        let result = renderer.render(text, rewriteLink: { destination, isImage in
            isImage ? nil : "/handbook/plan/#risks"
        })
        #expect(result.links.count == 2)
        #expect(result.links[0] == MarkdownLink(destination: "plan.md#risks", isImage: false, line: 3, column: 5))
        #expect(result.links[1].isImage)
        #expect(result.links[1].line == 3)
        #expect(result.html.contains("<a href=\"/handbook/plan/#risks\">the plan</a>"))
        #expect(result.html.contains("<img src=\"img/c.png\" alt=\"chart\" />"))
    }

    @Test func rawHTMLAndJavascriptLinksAreNeutralisedByDefault() {
        let text = "<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b> [click](javascript:alert(1))\n"
        let result = renderer.render(text)
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("onclick"))
        #expect(!result.html.contains("javascript:"))
        #expect(!result.html.contains("raw HTML omitted"))
        #expect(result.html.contains("<p>Hi there <a href=\"\">click</a></p>"))
        #expect(result.droppedHTML.map(\.tag) == ["script", "b"])
    }

    @Test func rawHTMLIsKeptWhenAllowed() {
        let unsafe = MarkdownRenderer(options: MarkdownOptions(allowUnsafeHTML: true))
        let result = unsafe.render("<div class=\"note\">kept</div>\n\nHi <b>there</b>\n")
        #expect(result.html.contains("<div class=\"note\">kept</div>"))
        #expect(result.html.contains("<b>there</b>"))
    }

    @Test func fencesCanBeReplacedAndOthersStayCode() {
        let text = "```diagram\nkind: cycle\n```\n\n```swift\nlet x = 1\n```\n"
        var seen: [(String, String, Int)] = []
        let result = renderer.render(text, renderFence: { info, code, line in
            seen.append((info, code, line))
            return info == "diagram" ? "<svg role=\"img\"></svg>" : nil
        })
        #expect(seen.map(\.0) == ["diagram", "swift"])
        #expect(seen[0].1 == "kind: cycle\n")
        #expect(seen[1].2 == 5)
        #expect(result.html.hasPrefix("<svg role=\"img\"></svg>\n"))
        #expect(result.html.contains("<pre><code class=\"language-swift\">let x = 1\n</code></pre>"))
    }

    @Test func plainTextLeavesMarkupOut() {
        let result = renderer.render("# Title\n\nSome *emphasis* and `code`.\n")
        #expect(result.plainText == "Title\nSome emphasis and code.\n")
    }

    @Test func headingIdsAreEscaped() {
        let result = renderer.render("## <img src=x onerror=alert(1)> \"quoted\"\n")
        #expect(!result.html.contains("onerror=alert"))
        #expect(result.headings[0].id == "quoted")
    }
}

@Suite struct SectionTextTests {
    @Test func textIsSplitAtHeadings() {
        let result = MarkdownRenderer().render("Intro *text*.\n\n## One\n\nFirst body.\n\n### Two `code`\n\n- item\n")
        #expect(result.sectionTexts == ["Intro text.\n", "First body.\n", "item\n\n"])
        #expect(result.headings.map(\.text) == ["One", "Two code"])
    }

    @Test func noHeadingsIsOneSection() {
        #expect(MarkdownRenderer().render("Just text.\n").sectionTexts == ["Just text.\n"])
    }
}

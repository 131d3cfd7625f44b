@testable import PlaybookModel
import Testing

@Suite struct TitleHeadingTests {
    private func title(_ body: String) -> String? {
        TitleHeading.find(in: Substring(body))?.text
    }

    @Test func anATXHeadingIsTheTitleWithItsClosingHashesAndMarkupDropped() {
        #expect(title("# Team Norms\n\nText.\n") == "Team Norms")
        #expect(title("#   Spaced   out   #  \n") == "Spaced out")
        #expect(title("# The *Team* `Handbook` and [links](x.md) \\# 1 &amp; 2\n") == "The Team Handbook and links # 1 & 2")
        #expect(title("# snake_case stays, _emphasis_ goes\n") == "snake_case stays, emphasis goes")
    }

    @Test func aSetextHeadingIsTheTitleToo() {
        let found = TitleHeading.find(in: "Intro line.\n\nTeam Norms\n==========\n\nText.\n")
        #expect(found == TitleHeading(text: "Team Norms", lines: 2...3))
    }

    @Test func onlyLevelOneHeadingsOutsideCodeAndCommentsCount() {
        #expect(title("## Not this\n#hashtag\n") == nil)
        #expect(title("```\n# In a fence\n```\n# After\n") == "After")
        #expect(title("~~~~\n# In a fence\n~~~\n~~~~\n# After\n") == "After")
        #expect(title("Text.\n\n    # Indented code\n") == nil)
        #expect(title("<!--\n# Commented out\n-->\n# After\n") == "After")
        #expect(title("- item\n===\n") == nil)
    }

    @Test func removingTheHeadingKeepsEveryOtherLineInPlace() throws {
        let body: Substring = "Intro.\n\n# Title\n\nText on line 5.\n"
        let heading = try #require(TitleHeading.find(in: body))
        #expect(heading.removed(from: body) == "Intro.\n\n\n\nText on line 5.\n")
    }

    @Test func namesBecomeLowerCaseASCIISlugs() {
        #expect(URLSlug.segment("Team Norms") == "team-norms")
        #expect(URLSlug.segment("Café Crème") == "cafe-creme")
        #expect(URLSlug.segment("Straße") == "strasse")
        #expect(URLSlug.segment("  Q&A -- 2024 (draft) ") == "q-a-2024-draft")
        #expect(URLSlug.segment("snake_case") == "snake_case")
        #expect(URLSlug.segment("日本") == "ri-ben")
        #expect(URLSlug.segment("★") == "★")
    }

    @Test func locationsFollowTheURLStyle() {
        let slug = PageLocation(sourcePath: "Team Norms/Hiring Guide.md")
        #expect(slug.url == "/team-norms/hiring-guide/")
        #expect(slug.outputPath == "team-norms/hiring-guide/index.html")
        let kept = PageLocation(sourcePath: "Team Norms/Hiring Guide.md", style: .keep)
        #expect(kept.url == "/Team%20Norms/Hiring%20Guide/")
        for name in ["_index.md", "index.md", "README.md", "readme.markdown"] {
            #expect(PageLocation(sourcePath: "Team Norms/" + name).url == "/team-norms/", "\(name)")
        }
        #expect(PageLocation.staticOutputPath("Team Norms/Org Chart.png", style: .slug) == "team-norms/Org Chart.png")
    }
}

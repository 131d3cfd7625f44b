import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookTesting
import Testing

@Suite struct DiagnosticsTests {
    @Test func brokenPageLinkFailsAtTheLinkPosition() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "First line.\n\nSee [the plan](plan.md) now.\n"),
        ])
        let result = try site.build(write: false)
        #expect(!result.succeeded)
        #expect(
            result.diagnostics.map(\.description) == [
                "content/a.md:6:5: error: broken link: 'plan.md' points to 'plan.md', which does not exist [link/broken]"
            ])
    }

    @Test func brokenAnchorFailsAtTheLinkPositionWithAHint() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": page("A", "## Risks\n"),
            "content/b.md": page("B", "Text with a [link](a.md#risk) in it.\n\nAnd [here](#nowhere).\n"),
        ])
        let result = try site.build(write: false)
        #expect(
            result.diagnostics.map(\.description) == [
                "content/b.md:4:13: error: broken link: 'a.md#risk' points to '#risk', which content/a.md does not have [link/anchor]\n    hint: did you mean '#risks'?",
                "content/b.md:6:5: error: broken link: '#nowhere' points to '#nowhere', which content/b.md does not have [link/anchor]\n    hint: anchors are made from headings: lower case, punctuation dropped, spaces as hyphens",
            ])
    }

    @Test func aLinkWithTheWrongCaseSuggestsTheRightName() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home", "[x](Plan.md)\n"),
            "content/plan.md": page("Plan"),
        ])
        let result = try site.build(write: false)
        #expect(
            result.diagnostics.first?.hint
                == "did you mean 'plan.md'? The case differs from content/plan.md, and URLs are case-sensitive")
    }

    @Test func allErrorsAreReportedSorted() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home", "[x](missing.md)\n"),
            "content/b.md": "---\ntitle: [unclosed\n---\n",
            "content/a.md": "---\nweight: heavy\n---\nno title\n",
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics.map(\.code) == ["link/broken", "field/type", "yaml/syntax"])
        #expect(result.diagnostics.map(\.location.file) == ["content/_index.md", "content/a.md", "content/b.md"])
    }

    @Test func badFrontMatterIsAPositionedError() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": "---\ntitle: A\ntags: [x, y\nweight: 1\n---\nBody\n",
        ])
        let result = try site.build(write: false)
        let problem = try #require(result.diagnostics.first)
        #expect(problem.code == "yaml/syntax")
        #expect(problem.location.file == "content/a.md")
        #expect(problem.location.line == 4)
        #expect(problem.location.column > 0)
    }

    @Test func unknownFrontMatterKeyWarnsAndTheBuildGoesOn() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/a.md": "---\ntitle: A\nwieght: 2\n---\n",
        ])
        let result = try site.build(write: false)
        #expect(result.succeeded)
        #expect(result.diagnostics.map(\.description) == [
            "content/a.md:3:1: warning: unknown key 'wieght' in front matter; it is ignored [field/unknown-key]\n    hint: did you mean 'weight'?"
        ])
    }

    @Test func missingTemplateIsAnErrorNamingTheFile() throws {
        let site = try FixtureSite(["content/_index.md": page("Home")])
        try site.remove("templates/section.mustache")
        let result = try site.build(write: false)
        #expect(result.diagnostics.map(\.description) == [
            "templates/section.mustache: error: the template 'section' is missing [template/missing]\n    hint: every site needs page.mustache, section.mustache, home.mustache, 404.mustache"
        ])
    }

    @Test func mustacheSyntaxErrorNamesTemplateLineAndColumn() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "templates/page.mustache": "<h1>{{page.title}}</h1>\n{{#page.tags}}\n<p>{{.}}</p>\n",
        ])
        let result = try site.build(write: false)
        let problem = try #require(result.diagnostics.first)
        #expect(problem.code == "template/syntax")
        #expect(problem.location.file == "templates/page.mustache")
        #expect(problem.location.line > 0)
    }

    @Test func unknownPartialAndVariableAreReported() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "templates/page.mustache": "{{<base}}{{$main}}\n  {{>partials/footer}} {{page.titel}}{{/main}}{{/base}}",
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics.map(\.description) == [
            "templates/page.mustache:2:3: error: the partial 'partials/footer' does not exist [template/unknown-partial]\n    hint: partials are named by their path under templates/ without .mustache",
        ])
        try site.write("templates/page.mustache", "{{<base}}{{$main}}{{pgae.title}}{{/main}}{{/base}}")
        let second = try site.build(write: false)
        #expect(second.diagnostics.map(\.description) == [
            "templates/page.mustache:1:19: error: 'pgae.title' is not a value the build provides, so it would render as nothing [template/unknown-variable]\n    hint: did you mean 'page'?"
        ])
    }

    @Test func twoPagesWithTheSameURLAreAnError() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/guide.md": page("Guide page"),
            "content/guide/_index.md": page("Guide section"),
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics.map(\.code) == ["page/duplicate-url"])
    }

    @Test func missingContentFolderIsAUsageError() throws {
        let site = try FixtureSite([:])
        try site.remove("content")
        #expect {
            try site.build(write: false)
        } throws: { error in
            (error as? DiagnosticError)?.isUsage == true
        }
    }
}

@Suite struct FrameworkLinkTests {
    @Test func frameworkPagesMustExist() throws {
        let site = try FixtureSite([
            "content/_index.md": page("Home"),
            "content/promise.md": page("Promise", "## Question\n"),
            "content/framework.yml": "steps:\n  - id: promise\n    title: The Promise\n    question: What?\n    page: promise.md#questions\n  - id: plan\n    title: The Plan\n    question: How?\n    page: plan.md\n",
        ])
        let result = try site.build(write: false)
        #expect(result.diagnostics.map(\.description) == [
            "content/framework.yml:2:5: error: broken link: 'promise.md#questions' points to '#questions', which content/promise.md does not have [link/anchor]\n    hint: did you mean '#question'?",
            "content/framework.yml:6:5: error: the framework names the page 'plan.md', which does not exist [link/broken]",
        ])
    }
}

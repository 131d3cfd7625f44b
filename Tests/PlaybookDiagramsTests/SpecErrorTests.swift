import PlaybookDiagnostics
import PlaybookModel
@testable import PlaybookDiagrams
import Testing

/// Problems common to every kind, each at its line and column in the Markdown file: the fence is
/// at line 10 of page.md, so line 1 of a spec is line 11.
@Suite struct SpecErrorTests {
    @Test func aMissingTitleIsAnErrorAtTheFence() {
        let (diagram, problems) = Spec.read("kind: cycle\nsteps: [A, B]\n")
        #expect(diagram == nil)
        #expect(problems == [
            "page.md:10:1: error: the cycle diagram has no 'title' [diagram/invalid]\n    hint: add 'title: …': it names the diagram for screen readers"
        ])
    }

    @Test func aTitleThatIsNotTextIsAnErrorAtTheValue() {
        let (_, problems) = Spec.read("kind: pyramid\ntitle: [A, B]\nlayers: [A, B]\n")
        #expect(problems == [
            "page.md:12:8: error: 'title' must be text, not a list [diagram/invalid]\n    hint: quote the value if it contains ': ' or starts with '[' or '{'"
        ])
    }

    @Test func numbersAndDatesAreFineAsLabels() {
        let (diagram, problems) = Spec.read("kind: pyramid\ntitle: 2026\nlayers: [1, 2026-01-12, true]\n")
        #expect(problems == [])
        #expect(diagram?.title == "2026")
    }

    @Test func aMissingKindIsAnError() {
        let (_, problems) = Spec.read("title: T\nsteps: [A, B]\n")
        #expect(problems == ["page.md:10:1: error: the diagram has no 'kind' [diagram/invalid]\n    hint: add 'kind:' with one of cycle, flow, pyramid, framework, traceability, timeline"])
    }

    @Test func anUnknownKindSuggestsTheNearest() {
        let (_, typo) = Spec.read("kind: cylce\ntitle: T\n")
        #expect(typo == ["page.md:11:7: error: unknown diagram kind 'cylce' [diagram/invalid]\n    hint: did you mean 'cycle'?"])
        let (_, other) = Spec.read("title: T\nkind: venn\n")
        #expect(other == ["page.md:12:7: error: unknown diagram kind 'venn' [diagram/invalid]\n    hint: the kinds are cycle, flow, pyramid, framework, traceability, timeline"])
    }

    @Test func unknownKeysWarnWithDidYouMeanAndTheDiagramStillDraws() {
        let (diagram, problems) = Spec.read("kind: cycle\ntitle: T\nsteps: [A, B]\nfundation: [X]\n")
        #expect(diagram != nil)
        #expect(problems == [
            "page.md:14:1: warning: unknown key 'fundation' in a cycle diagram; it is ignored [diagram/unknown-key]\n    hint: did you mean 'foundation'?"
        ])
    }

    @Test func aYAMLErrorIsPositionedInsideTheFile() throws {
        let (diagram, problems) = Spec.read("kind: cycle\ntitle: T\nsteps: [A, B\nfoundation: [X]\n")
        #expect(diagram == nil)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.hasPrefix("page.md:14:"))
        #expect(problem.contains("error: the diagram spec is not valid YAML: "))
        #expect(problem.contains("[diagram/invalid]"))
    }

    @Test func aDuplicateKeyIsAnError() {
        let (_, problems) = Spec.read("kind: cycle\ntitle: A\ntitle: B\nsteps: [A, B]\n")
        #expect(problems.count == 1)
        #expect(problems.first?.contains("the diagram spec is not valid YAML: the key 'title' appears more than once [diagram/invalid]") == true)
    }

    @Test func anEmptySpecOrOneThatIsNotAMappingIsAnError() {
        let (_, empty) = Spec.read("")
        #expect(empty == ["page.md:10:1: error: the diagram spec is empty [diagram/invalid]\n    hint: start with 'kind: cycle' (or flow, pyramid, framework, traceability, timeline) and 'title: …'"])
        let (_, list) = Spec.read("- kind: cycle\n")
        #expect(list == ["page.md:11:1: error: the diagram spec must be a mapping of keys to values, not a list [diagram/invalid]\n    hint: start with 'kind: cycle' (or flow, pyramid, framework, traceability, timeline) and 'title: …'"])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let (_, problems) = Spec.read("kind: flow\ntitel: T\nlanes: [A]\nsteps:\n  - {label: X, lane: B}\n  - {label: Y, lane: C}\n")
        #expect(problems.map { String($0.prefix(while: { $0 != " " })) } == ["page.md:10:1:", "page.md:12:1:", "page.md:15:22:", "page.md:16:22:"])
    }

    @Test func theRendererReturnsNoHTMLForABadSpec() {
        let (html, problems) = DiagramRenderer(framework: nil).render("kind: cycle\n", at: Spec.fence)
        #expect(html == nil)
        #expect(problems.hasErrors)
    }
}

import Foundation
import PlaybookDiagnostics
import PlaybookModel
@testable import PlaybookDiagrams
import Testing

@Suite struct FrameworkDiagramTests {
    static let yaml = """
        steps:
          - {id: a, title: Ask, question: "What?", page: a.md}
          - {id: b, title: Build, question: "How?", page: b.md}
        behaviours:
          - {id: t, title: Trust, page: t.md}

        """
    static let framework = Framework.parse(yaml, file: "content/framework.yml").0
    static let golden = #"""
        <figure class="diagram diagram-framework">
        <svg class="diagram-wide" role="img" viewBox="0 0 720 160" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>Ours</title>
        <desc>The framework&#39;s 2 steps in order, the last leading back to the first: Ask: What? Then Build: How? The steps stand on one behaviour: Trust.</desc>
        <g class="d-arrow"><path d="M345 36.5 L366 36.5" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="375,36.5 366,41 366,32" fill="currentColor"/></g>
        <g class="d-arrow d-return"><path d="M485 65 L485 85 L235 85 L235 74" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="235,65 239.5,74 230.5,74" fill="currentColor"/></g>
        <g class="d-node"><rect class="d-box d-step" x="125" y="8" width="220" height="57" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="15" font-weight="700" fill="currentColor"><tspan x="235" y="30.8">Ask</tspan></text><text class="d-text d-muted" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="235" y="53.6">What?</tspan></text></g>
        <g class="d-node"><rect class="d-box d-step" x="375" y="8" width="220" height="57" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="15" font-weight="700" fill="currentColor"><tspan x="485" y="30.8">Build</tspan></text><text class="d-text d-muted" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="485" y="53.6">How?</tspan></text></g>
        <rect class="d-band" x="8" y="104" width="704" height="48" rx="6" fill="none" stroke="none"/>
        <g class="d-node"><rect class="d-cell" x="250" y="112" width="220" height="32" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="360" y="132.6">Trust</tspan></text></g>
        </svg>
        <svg class="diagram-narrow" role="img" viewBox="0 0 340 222" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>Ours</title>
        <desc>The framework&#39;s 2 steps in order, the last leading back to the first: Ask: What? Then Build: How? The steps stand on one behaviour: Trust.</desc>
        <g class="d-arrow"><path d="M157 65 L157 82" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="157,91 152.5,82 161.5,82" fill="currentColor"/></g>
        <g class="d-arrow d-return"><path d="M306 119.5 L319 119.5 L319 36.5 L315 36.5" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="306,36.5 315,32 315,41" fill="currentColor"/></g>
        <g class="d-node"><rect class="d-box d-step" x="8" y="8" width="298" height="57" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="15" font-weight="700" fill="currentColor"><tspan x="157" y="30.8">Ask</tspan></text><text class="d-text d-muted" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="157" y="53.6">What?</tspan></text></g>
        <g class="d-node"><rect class="d-box d-step" x="8" y="91" width="298" height="57" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="15" font-weight="700" fill="currentColor"><tspan x="157" y="113.8">Build</tspan></text><text class="d-text d-muted" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="157" y="136.6">How?</tspan></text></g>
        <rect class="d-band" x="8" y="166" width="324" height="48" rx="6" fill="none" stroke="none"/>
        <g class="d-node"><rect class="d-cell" x="60" y="174" width="220" height="32" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="170" y="194.6">Trust</tspan></text></g>
        </svg>
        </figure>

        """#

    static var shipped: Framework? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = (try? String(contentsOf: root.appendingPathComponent("content/framework.yml"), encoding: .utf8)) ?? ""
        return Framework.parse(text, file: "content/framework.yml").0
    }

    @Test func aSmallFrameworkIsExactlyTheGolden() {
        #expect(Spec.figure("kind: framework\ntitle: Ours\n", framework: Self.framework) == Self.golden)
    }

    @Test func theDiagramFollowsTheFrameworkFile() throws {
        let changed = Framework.parse(Self.yaml.replacingOccurrences(of: "title: Build", with: "title: Deliver"), file: "f.yml").0
        let before = Spec.figure("kind: framework\ntitle: Ours\n", framework: Self.framework)
        let after = Spec.figure("kind: framework\ntitle: Ours\n", framework: changed)
        #expect(before.contains(">Build</tspan>") && !before.contains(">Deliver</tspan>"))
        #expect(after.contains(">Deliver</tspan>") && !after.contains(">Build</tspan>"))
    }

    @Test func eachCardHoldsItsTitleAndQuestion() throws {
        let (diagram, problems) = Spec.read("kind: framework\ntitle: Ours\n", framework: Self.framework)
        #expect(problems.isEmpty)
        for width in [Style.wideWidth, Style.narrowWidth] {
            let cards = try #require(diagram).canvas(width: width).nodes.prefix(2)
            #expect(cards.map { $0.labels.map(\.lines) } == [[["Ask"], ["What?"]], [["Build"], ["How?"]]])
        }
    }

    @Test func theShippedFrameworkLaysOutWithNothingOverlapping() throws {
        let framework = try #require(Self.shipped)
        let (diagram, problems) = Spec.read("kind: framework\ntitle: The engagement framework\n", framework: framework)
        #expect(problems.isEmpty)
        let drawn = try #require(diagram)
        #expect(Spec.layoutProblems(drawn) == [])
        #expect(drawn.summary.hasPrefix("The framework's 4 steps in order, the last leading back to the first: The Promise: How does what we offer"))
        #expect(drawn.summary.hasSuffix("The steps stand on 5 behaviours: Build trust, Handle conflict constructively, Commit to mutually beneficial outcomes, Hold each other accountable and Focus on the joint result."))
    }

    @Test func withoutAFrameworkTheDiagramIsAnErrorAtTheFence() {
        let (diagram, problems) = Spec.read("kind: framework\ntitle: Ours\n")
        #expect(diagram == nil)
        #expect(problems == [
            "page.md:10:1: error: a framework diagram needs the site's framework, and there is none [diagram/invalid]\n    hint: add content/framework.yml with 'steps' and 'behaviours', or draw the steps with 'kind: cycle'"
        ])
    }

    @Test func stepsInTheSpecAreIgnoredWithAWarning() {
        let (diagram, problems) = Spec.read("kind: framework\ntitle: Ours\nsteps: [A, B]\n", framework: Self.framework)
        #expect(diagram != nil)
        #expect(problems == [
            "page.md:13:1: warning: unknown key 'steps' in a framework diagram; it is ignored [diagram/unknown-key]\n    hint: a framework diagram draws the steps and behaviours of content/framework.yml; its spec has only kind, title and description"
        ])
    }
}

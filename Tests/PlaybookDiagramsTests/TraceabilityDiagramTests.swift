import Foundation
import PlaybookDiagnostics
import PlaybookModel
@testable import PlaybookDiagrams
import Testing

@Suite struct TraceabilityDiagramTests {
    static let spec = "kind: traceability\ntitle: Trace\n"
    static let golden = #"""
        <figure class="diagram diagram-traceability">
        <svg class="diagram-wide" role="img" viewBox="0 0 720 141" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>Trace</title>
        <desc>How each promise of Tiny is served by tasks and measured by outcomes. Faster quotes: served by Build it; measured on 2026-01-24.</desc>
        <g class="d-node"><rect class="d-lane-head" x="14" y="8" width="190" height="32" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-lane-name" text-anchor="middle" font-size="13" font-weight="700" fill="currentColor"><tspan x="109" y="28.6">Promises</tspan></text></g>
        <g class="d-node"><rect class="d-lane-head" x="240" y="8" width="250" height="32" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-lane-name" text-anchor="middle" font-size="13" font-weight="700" fill="currentColor"><tspan x="365" y="28.6">Tasks</tspan></text></g>
        <g class="d-node"><rect class="d-lane-head" x="526" y="8" width="180" height="32" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-lane-name" text-anchor="middle" font-size="13" font-weight="700" fill="currentColor"><tspan x="616" y="28.6">Outcomes</tspan></text></g>
        <rect class="d-lane" x="8" y="48" width="704" height="85" rx="6" fill="none" stroke="none"/>
        <g class="d-arrow"><path d="M204 82.5 L222 82.5" fill="none" stroke="currentColor" stroke-width="2"/></g>
        <g class="d-arrow"><path d="M222 82.5 L231 82.5" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="240,82.5 231,87 231,78" fill="currentColor"/></g>
        <g class="d-arrow"><path d="M490 82.5 L508 82.5" fill="none" stroke="currentColor" stroke-width="2"/></g>
        <g class="d-arrow"><path d="M508 82.5 L508 90.5" fill="none" stroke="currentColor" stroke-width="2"/></g>
        <g class="d-arrow"><path d="M508 90.5 L517 90.5" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="526,90.5 517,95 517,86" fill="currentColor"/></g>
        <g class="d-node"><rect class="d-box d-step" x="14" y="56" width="190" height="53" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="13" font-weight="700" fill="currentColor"><tspan x="109" y="76.6">Faster quotes</tspan></text><text class="d-text d-muted" text-anchor="middle" font-size="12" fill="currentColor"><tspan x="109" y="97.7">&#39;speed&#39; · target 2 days</tspan></text></g>
        <g class="d-node"><rect class="d-box" x="240" y="56" width="250" height="53" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="365" y="76.6">Build it</tspan></text><text class="d-text d-muted" text-anchor="middle" font-size="12" fill="currentColor"><tspan x="365" y="97.7">Dana · due 2026-01-15</tspan></text></g>
        <g class="d-node"><rect class="d-box d-outcome" x="526" y="56" width="180" height="69" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="616" y="76.6">Measured on</tspan><tspan x="616" y="92.6">2026-01-24</tspan></text><text class="d-text d-muted" text-anchor="middle" font-size="12" fill="currentColor"><tspan x="616" y="113.7">Result: 2 days</tspan></text></g>
        </svg>
        <svg class="diagram-narrow" role="img" viewBox="0 0 340 213" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>Trace</title>
        <desc>How each promise of Tiny is served by tasks and measured by outcomes. Faster quotes: served by Build it; measured on 2026-01-24.</desc>
        <rect class="d-lane" x="8" y="8" width="324" height="197" rx="6" fill="none" stroke="none"/>
        <g class="d-arrow"><path d="M36 69 L36 170.5" fill="none" stroke="currentColor" stroke-width="2"/></g>
        <g class="d-arrow"><path d="M36 109.5 L47 109.5" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="56,109.5 47,114 47,105" fill="currentColor"/></g>
        <g class="d-arrow"><path d="M36 170.5 L47 170.5" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="56,170.5 47,175 47,166" fill="currentColor"/></g>
        <g class="d-node"><rect class="d-box d-step" x="16" y="16" width="308" height="53" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="13" font-weight="700" fill="currentColor"><tspan x="170" y="36.6">Faster quotes</tspan></text><text class="d-text d-muted" text-anchor="middle" font-size="12" fill="currentColor"><tspan x="170" y="57.7">&#39;speed&#39; · target 2 days</tspan></text></g>
        <g class="d-node"><rect class="d-box" x="56" y="83" width="268" height="53" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="190" y="103.6">Build it</tspan></text><text class="d-text d-muted" text-anchor="middle" font-size="12" fill="currentColor"><tspan x="190" y="124.7">Dana · due 2026-01-15</tspan></text></g>
        <g class="d-node"><rect class="d-box d-outcome" x="56" y="144" width="268" height="53" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="190" y="164.6">Measured on 2026-01-24</tspan></text><text class="d-text d-muted" text-anchor="middle" font-size="12" fill="currentColor"><tspan x="190" y="185.7">Result: 2 days</tspan></text></g>
        </svg>
        </figure>

        """#

    @Test func aTinyPlanIsExactlyTheGolden() {
        #expect(Spec.figure(Self.spec, plan: PlanFixtures.plan(PlanFixtures.tiny)) == Self.golden)
    }

    @Test func eachPromiseLeadsToItsTasksAndOutcomes() throws {
        let (diagram, problems) = Spec.read(Self.spec, plan: PlanFixtures.plan(PlanFixtures.tiny))
        #expect(problems == [])
        let trace = try #require(diagram as? TraceabilityDiagram)
        #expect(trace.groups.count == 1)
        let group = try #require(trace.groups.first)
        #expect(group.head.parts.map(\.text) == ["Faster quotes", "'speed' · target 2 days"])
        #expect(group.tasks.map { $0.parts.map(\.text) } == [["Build it", "Dana · due 2026-01-15"]])
        #expect(group.outcomes.map { $0.parts.map(\.text) } == [["Measured on 2026-01-24", "Result: 2 days"]])
        #expect(trace.summary == "How each promise of Tiny is served by tasks and measured by outcomes. Faster quotes: served by Build it; measured on 2026-01-24.")
    }

    @Test func brokenLinksAreDrawnAsDashedBoxes() throws {
        let trace = try #require(Spec.read(Self.spec, plan: PlanFixtures.plan(PlanFixtures.broken)).0 as? TraceabilityDiagram)
        let groups = trace.groups
        #expect(groups.map(\.head.parts.first?.text) == ["Faster quotes", "Cheaper quotes", "Linked to no promise"])
        #expect(groups[1].tasks.map(\.className) == ["d-box d-broken"])
        #expect(groups[1].tasks.first?.parts.first?.text == "No task serves this promise")
        #expect(groups[1].outcomes.first?.parts.first?.text == "No outcome measures this promise")
        #expect(groups[2].linked == false)
        #expect(groups[2].tasks.map { $0.parts.last?.text } == [
            "Dana · due 2026-03-20 · serves 'sped', which is not a promise", "Sam · due 2026-04-29 · serves no promise",
        ])
        #expect(groups[2].outcomes.map { $0.parts.last?.text } == ["Not measured yet · measures 'cots', which is not a promise"])
        #expect(trace.summary.hasSuffix("Linked to no promise (broken): Build it, Write the guide and the outcome for 'cots'."))
        let html = Spec.figure(Self.spec, plan: PlanFixtures.plan(PlanFixtures.broken))
        #expect(html.components(separatedBy: "class=\"d-box d-broken\"").count - 1 == 2 * 6)
        // Only the arrows into and out of the 'cost' placeholders are dashed: 3 wide, 2 narrow.
        #expect(html.components(separatedBy: "<g class=\"d-arrow d-broken\">").count - 1 == 5)
    }

    @Test func everyShapeOfPlanLaysOutWithNothingOverlapping() throws {
        for yaml in [PlanFixtures.tiny, PlanFixtures.broken] {
            let diagram = try #require(Spec.read(Self.spec, plan: PlanFixtures.plan(yaml)).0)
            #expect(Spec.layoutProblems(diagram) == [])
        }
        let promises = (1...4).map { PlanFacts.PromiseFact(id: "p\($0)", outcome: "Promise number \($0) with a long outcome written the way the customer said it", target: "\($0)0%") }
        let tasks = (1...9).map {
            PlanFacts.TaskFact(id: "t\($0)", task: "Task \($0): a long description of the work to be done", owner: "Someone With A Long Name", due: nil, serves: ["p\($0 % 4 + 1)", "p\(($0 + 1) % 4 + 1)"])
        }
        let facts = PlanFacts(title: "Big", start: nil, end: nil, promises: promises, tasks: tasks, outcomes: [])
        #expect(Spec.layoutProblems(TraceabilityDiagram(title: "T", description: nil, facts: facts)) == [])
    }

    @Test func onAPageThatIsNotAPlanItIsAnError() {
        let (diagram, problems) = Spec.read(Self.spec)
        #expect(diagram == nil)
        #expect(problems == [
            "page.md:10:1: error: a traceability diagram draws the engagement plan of its page, and this page is not a plan [diagram/invalid]\n    hint: use it on a page whose front matter says 'type: plan'"
        ])
    }

    @Test func theGeneratedDiagramsOfAPlanAreTraceabilityThenTimeline() throws {
        let figures = DiagramRenderer(framework: nil, plan: PlanFixtures.plan(PlanFixtures.tiny)).planDiagrams()
        #expect(figures.count == 2)
        #expect(figures[0].hasPrefix("<figure class=\"diagram diagram-traceability\">"))
        #expect(figures[0].contains("<title>How the promises of Tiny trace to tasks and outcomes</title>"))
        #expect(figures[1].hasPrefix("<figure class=\"diagram diagram-timeline\">"))
        #expect(DiagramRenderer(framework: nil).planDiagrams() == [])
    }
}

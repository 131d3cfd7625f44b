import Foundation
import PlaybookDiagnostics
import PlaybookModel
@testable import PlaybookDiagrams
import Testing

@Suite struct TimelineDiagramTests {
    static let spec = "kind: timeline\ntitle: When\n"
    static let golden = #"""
        <figure class="diagram diagram-timeline">
        <svg class="diagram-wide" role="img" viewBox="0 0 720 133" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>When</title>
        <desc>Timeline of Tiny: 1 task by due date, in the engagement window from 2026-01-05 to the promised 2026-01-25, with a 2-day buffer from 2026-01-23. The last task is due 2026-01-15, 10 days before the promised date. No task is due inside the buffer.</desc>
        <rect class="d-window" x="272" y="45.5" width="432" height="24" rx="2" fill="none" stroke="none"/>
        <rect class="d-buffer" x="660.8" y="45.5" width="43.2" height="24" fill="none" stroke="none"/>
        <g class="d-track"><path d="M272 57.5 L488 57.5" fill="none" stroke="currentColor" stroke-width="2"/></g>
        <polygon class="d-milestone" points="488,51.5 494,57.5 488,63.5 482,57.5" fill="currentColor"/>
        <g class="d-node"><rect class="d-row" x="8" y="31" width="250" height="53" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="start" font-size="13" fill="currentColor"><tspan x="18" y="51.6">Build it</tspan></text><text class="d-text d-muted" text-anchor="start" font-size="12" fill="currentColor"><tspan x="18" y="72.7">Dana · due 2026-01-15</tspan></text></g>
        <g class="d-node"><rect class="d-window d-key" x="8" y="94" width="348" height="31" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="12" fill="currentColor"><tspan x="182" y="113.7">Engagement: 2026-01-05 to the promised 2026-01-25</tspan></text></g>
        <g class="d-node"><rect class="d-buffer d-key" x="364" y="94" width="348" height="31" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="12" fill="currentColor"><tspan x="538" y="113.7">Buffer: the last 2 days before the promised date</tspan></text></g>
        </svg>
        <svg class="diagram-narrow" role="img" viewBox="0 0 340 224" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>When</title>
        <desc>Timeline of Tiny: 1 task by due date, in the engagement window from 2026-01-05 to the promised 2026-01-25, with a 2-day buffer from 2026-01-23. The last task is due 2026-01-15, 10 days before the promised date. No task is due inside the buffer.</desc>
        <rect class="d-window" x="16" y="86" width="308" height="14" rx="2" fill="none" stroke="none"/>
        <rect class="d-buffer" x="293.2" y="86" width="30.8" height="14" fill="none" stroke="none"/>
        <g class="d-track"><path d="M16 93 L170 93" fill="none" stroke="currentColor" stroke-width="2"/></g>
        <polygon class="d-milestone" points="170,87 176,93 170,99 164,93" fill="currentColor"/>
        <g class="d-node"><rect class="d-row" x="8" y="31" width="324" height="53" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="start" font-size="13" fill="currentColor"><tspan x="18" y="51.6">Build it</tspan></text><text class="d-text d-muted" text-anchor="start" font-size="12" fill="currentColor"><tspan x="18" y="72.7">Dana · due 2026-01-15</tspan></text></g>
        <g class="d-node"><rect class="d-window d-key" x="8" y="116" width="324" height="46" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="12" fill="currentColor"><tspan x="170" y="135.7">Engagement: 2026-01-05 to the promised</tspan><tspan x="170" y="150.7">2026-01-25</tspan></text></g>
        <g class="d-node"><rect class="d-buffer d-key" x="8" y="170" width="324" height="46" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="12" fill="currentColor"><tspan x="170" y="197.2">Buffer: the last 2 days before the promised date</tspan></text></g>
        </svg>
        </figure>

        """#

    @Test func aTinyPlanIsExactlyTheGolden() {
        #expect(Spec.figure(Self.spec, plan: PlanFixtures.plan(PlanFixtures.tiny)) == Self.golden)
    }

    @Test func tasksSitAtTheirDueDatesInsideTheWindow() throws {
        let timeline = try #require(Spec.read(Self.spec, plan: PlanFixtures.plan(PlanFixtures.tiny)).0 as? TimelineDiagram)
        #expect(timeline.bufferDays == 2)
        #expect(timeline.bufferStart.description == "2026-01-23")
        let layout = TimelineLayout(diagram: timeline, width: Style.wideWidth)
        let start = layout.x(timeline.start)
        let end = layout.x(timeline.end)
        let due = layout.x(try #require(PlanDate.parse("2026-01-15")))
        #expect(start == layout.chartLeft && end == layout.chartRight)
        #expect(abs(due - (start + (end - start) / 2)) < 0.001)
        #expect(timeline.summary == "Timeline of Tiny: 1 task by due date, in the engagement window from 2026-01-05 to the promised 2026-01-25, with a 2-day buffer from 2026-01-23. The last task is due 2026-01-15, 10 days before the promised date. No task is due inside the buffer.")
    }

    @Test func aTaskDueInsideTheBufferIsMarkedLate() throws {
        let timeline = try #require(Spec.read(Self.spec, plan: PlanFixtures.plan(PlanFixtures.broken)).0 as? TimelineDiagram)
        #expect(timeline.bufferDays == 6)
        #expect(timeline.dated.map(timeline.isLate) == [false, true])
        let html = Spec.figure(Self.spec, plan: PlanFixtures.plan(PlanFixtures.broken))
        #expect(html.components(separatedBy: "class=\"d-milestone d-late\"").count - 1 == 2)
        #expect(html.contains(">Due inside the buffer or later</tspan>"))
        #expect(timeline.summary.hasSuffix("Due inside the buffer or late: Write the guide. 1 task has no due date and is not shown."))
    }

    @Test func theBufferFollowsTheLimitItIsGiven() throws {
        let plan = PlanFixtures.plan(PlanFixtures.tiny)
        let html = DiagramRenderer(framework: nil, plan: plan, bufferDays: { _, _ in 7 }).render(Self.spec, at: Spec.fence).html
        #expect(html?.contains(">Buffer: the last 7 days before the promised date</tspan>") == true)
    }

    @Test func aTaskDueAfterThePromisedDateStretchesTheAxis() throws {
        let late = PlanFixtures.tiny.replacingOccurrences(of: "due: 2026-01-15", with: "due: 2026-02-10")
        let timeline = try #require(Spec.read(Self.spec, plan: PlanFixtures.plan(late)).0 as? TimelineDiagram)
        #expect(timeline.range.last.description == "2026-02-10")
        let layout = TimelineLayout(diagram: timeline, width: Style.narrowWidth)
        #expect(layout.x(timeline.end) < layout.chartRight)
        #expect(timeline.summary.contains("The last task is due 2026-02-10, 16 days after the promised date."))
        #expect(Spec.layoutProblems(timeline) == [])
    }

    @Test func monthsAreLabelledWithoutCrowding() throws {
        let long = PlanFixtures.tiny.replacingOccurrences(of: "end: 2026-01-25", with: "end: 2028-06-30")
        let timeline = try #require(Spec.read(Self.spec, plan: PlanFixtures.plan(long)).0 as? TimelineDiagram)
        #expect(TimelineLayout(diagram: timeline, width: Style.narrowWidth).ticks.count == 29)
        for width in [Style.wideWidth, Style.narrowWidth] {
            let canvas = timeline.canvas(width: width)
            #expect(LayoutCheck.problems(canvas) == [])
            let months = canvas.nodes.filter { $0.labels.first?.className == "d-text d-muted" && $0.labels.count == 1 }
            #expect(months.count > 3 && months.count < 29)
        }
    }

    @Test func everyShapeOfPlanLaysOutWithNothingOverlapping() throws {
        for yaml in [PlanFixtures.tiny, PlanFixtures.broken] {
            let diagram = try #require(Spec.read(Self.spec, plan: PlanFixtures.plan(yaml)).0)
            #expect(Spec.layoutProblems(diagram) == [])
        }
        let undated = PlanFixtures.tiny.replacingOccurrences(of: ", due: 2026-01-15", with: "")
        let diagram = try #require(Spec.read(Self.spec, plan: PlanFixtures.plan(undated)).0)
        #expect(Spec.layoutProblems(diagram) == [])
    }

    @Test func aPlanWithoutAWindowIsAnError() {
        let backwards = PlanFixtures.tiny.replacingOccurrences(of: "end: 2026-01-25", with: "end: 2026-01-01")
        let (diagram, problems) = Spec.read(Self.spec, plan: PlanFixtures.plan(backwards))
        #expect(diagram == nil)
        #expect(problems == [
            "page.md:10:1: error: the plan has no engagement window to draw: 'start' and 'end' must be dates, 'end' after 'start' [diagram/invalid]\n    hint: fix the plan's dates ('playbook lint' names the problem)"
        ])
        #expect(DiagramRenderer(framework: nil, plan: PlanFixtures.plan(backwards)).planDiagrams().count == 1)
    }
}

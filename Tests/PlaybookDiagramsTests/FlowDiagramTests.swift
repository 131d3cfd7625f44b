import PlaybookDiagnostics
import PlaybookModel
@testable import PlaybookDiagrams
import Testing

@Suite struct FlowDiagramTests {
    static let spec = """
        kind: flow
        title: Handoff
        lanes: [Sales, Delivery]
        steps:
          - {label: Sign, lane: Sales}
          - {label: Start, lane: Delivery, accountable: true}
        owner: Lead

        """
    static let golden = #"""
        <figure class="diagram diagram-flow">
        <svg class="diagram-wide" role="img" viewBox="0 0 720 191" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>Handoff</title>
        <desc>A flow of 2 steps across 2 lanes (Sales and Delivery): Sign (Sales); then Start (Delivery, handed over from Sales), the accountable owner. Across every lane: Lead.</desc>
        <rect class="d-lane" x="8" y="8" width="704" height="63" rx="6" fill="none" stroke="none"/>
        <g class="d-node"><rect class="d-lane-head" x="8" y="8" width="82" height="63" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-lane-name" text-anchor="middle" font-size="13" font-weight="700" fill="currentColor"><tspan x="49" y="44.1">Sales</tspan></text></g>
        <rect class="d-lane" x="8" y="75" width="704" height="63" rx="6" fill="none" stroke="none"/>
        <g class="d-node"><rect class="d-lane-head" x="8" y="75" width="82" height="63" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-lane-name" text-anchor="middle" font-size="13" font-weight="700" fill="currentColor"><tspan x="49" y="111.1">Delivery</tspan></text></g>
        <g class="d-arrow d-handoff"><path d="M386 39.5 L401 39.5 L401 106.5 L407 106.5" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="416,106.5 407,111 407,102" fill="currentColor"/></g>
        <g class="d-node"><rect class="d-box" x="216" y="22" width="170" height="35" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="15" fill="currentColor"><tspan x="301" y="44.8">Sign</tspan></text></g>
        <g class="d-node"><rect class="d-box d-owner" x="416" y="89" width="170" height="35" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="15" fill="currentColor"><tspan x="501" y="111.8">Start</tspan></text></g>
        <g class="d-node"><rect class="d-owner" x="8" y="148" width="704" height="35" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="15" font-weight="700" fill="currentColor"><tspan x="360" y="170.8">Lead</tspan></text></g>
        </svg>
        <svg class="diagram-narrow" role="img" viewBox="0 0 340 211" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>Handoff</title>
        <desc>A flow of 2 steps across 2 lanes (Sales and Delivery): Sign (Sales); then Start (Delivery, handed over from Sales), the accountable owner. Across every lane: Lead.</desc>
        <rect class="d-lane" x="10" y="8" width="158" height="150" rx="6" fill="none" stroke="none"/>
        <g class="d-node"><rect class="d-lane-head" x="10" y="8" width="158" height="32" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-lane-name" text-anchor="middle" font-size="13" font-weight="700" fill="currentColor"><tspan x="89" y="28.6">Sales</tspan></text></g>
        <rect class="d-lane" x="172" y="8" width="158" height="150" rx="6" fill="none" stroke="none"/>
        <g class="d-node"><rect class="d-lane-head" x="172" y="8" width="158" height="32" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-lane-name" text-anchor="middle" font-size="13" font-weight="700" fill="currentColor"><tspan x="251" y="28.6">Delivery</tspan></text></g>
        <g class="d-arrow d-handoff"><path d="M89 85 L89 99 L251 99 L251 104" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="251,113 246.5,104 255.5,104" fill="currentColor"/></g>
        <g class="d-node"><rect class="d-box" x="16" y="50" width="146" height="35" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="15" fill="currentColor"><tspan x="89" y="72.8">Sign</tspan></text></g>
        <g class="d-node"><rect class="d-box d-owner" x="178" y="113" width="146" height="35" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="15" fill="currentColor"><tspan x="251" y="135.8">Start</tspan></text></g>
        <g class="d-node"><rect class="d-owner" x="8" y="168" width="324" height="35" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="15" font-weight="700" fill="currentColor"><tspan x="170" y="190.8">Lead</tspan></text></g>
        </svg>
        </figure>

        """#

    @Test func aSmallFlowIsExactlyTheGolden() {
        #expect(Spec.figure(Self.spec) == Self.golden)
    }

    @Test func stepsRunLeftToRightInTheirLanesAndHandoffsAreMarked() throws {
        let (diagram, problems) = Spec.read(
            "kind: flow\ntitle: T\nlanes: [A, B]\nsteps:\n  - {label: one, lane: A}\n  - {label: two, lane: A}\n  - {label: three, lane: B}\n")
        #expect(problems.isEmpty)
        let canvas = try #require(diagram).canvas(width: Style.wideWidth)
        let steps = canvas.items.compactMap { item -> Rect? in
            if case .node(let outline, "d-box", _) = item { return outline.bounds }
            return nil
        }
        #expect(steps.count == 3)
        #expect(steps[0].maxX < steps[1].x && steps[1].maxX < steps[2].x)
        #expect(steps[0].midY == steps[1].midY && steps[2].midY > steps[1].midY)
        let arrows = canvas.items.compactMap { item -> String? in
            if case .connector(_, _, let className) = item { return className }
            return nil
        }
        #expect(arrows == ["d-arrow", "d-arrow d-handoff"])
    }

    @Test func onANarrowScreenTheFlowRunsDownWithLanesAsColumns() throws {
        let (diagram, _) = Spec.read(Self.spec)
        let canvas = try #require(diagram).canvas(width: Style.narrowWidth)
        let steps = canvas.items.compactMap { item -> Rect? in
            if case .node(let outline, let className, _) = item, className.hasPrefix("d-box") { return outline.bounds }
            return nil
        }
        #expect(steps.count == 2)
        #expect(steps[0].maxY < steps[1].y && steps[0].maxX < steps[1].x)
    }

    @Test func manyLanesOnAPhoneBecomeOneColumnWithTheLaneInEachBox() throws {
        let lanes = ["Sales", "Delivery", "Partner", "Customer IT"]
        let steps = lanes.indices.map { FlowDiagram.Step(label: "Step \($0)", lane: $0) }
        let flow = FlowDiagram(title: "T", description: nil, lanes: lanes, steps: steps, owner: nil)
        let canvas = flow.canvas(width: Style.narrowWidth)
        #expect(canvas.width == Style.narrowWidth)
        #expect(canvas.nodes.map { $0.labels.map(\.lines) } == lanes.indices.map { [[lanes[$0]], ["Step \($0)"]] })
        #expect(LayoutCheck.problems(canvas) == [])
    }

    @Test(arguments: [0, 1, 2, 3, 5, 6])
    func flowsOfEveryShapeLayOutWithNothingOverlapping(laneCount: Int) {
        let lanes = (0..<laneCount).map { "Lane \($0) with a longer name" }
        for count in [1, 2, 5, 9, 12] {
            let steps = (0..<count).map { index in
                FlowDiagram.Step(
                    label: index % 3 == 0 ? "Data migrated and reconciled to the cent" : "Step \(index)",
                    lane: laneCount == 0 ? nil : (index * 7) % laneCount, accountable: index == 1)
            }
            let owner = count > 2 ? "Engagement lead: one accountable owner across every lane" : nil
            let flow = FlowDiagram(title: "T", description: nil, lanes: lanes, steps: steps, owner: owner)
            #expect(Spec.layoutProblems(flow) == [], "\(laneCount) lanes, \(count) steps")
        }
    }

    @Test func plainTextStepsNeedNoLanes() throws {
        let (diagram, problems) = Spec.read("kind: flow\ntitle: T\nsteps: [Scope, Build, Ship]\n")
        #expect(problems.isEmpty)
        #expect(diagram?.summary == "A flow of 3 steps: Scope; then Build; then Ship.")
    }

    @Test func theDescriptionNamesLanesHandoffsAndTheOwner() throws {
        let (diagram, _) = Spec.read(Self.spec)
        #expect(
            diagram?.summary
                == "A flow of 2 steps across 2 lanes (Sales and Delivery): Sign (Sales); then Start (Delivery, handed over from Sales), the accountable owner. Across every lane: Lead.")
    }

    @Test func anUnknownLaneIsAnErrorWithASuggestion() {
        let (diagram, problems) = Spec.read("kind: flow\ntitle: T\nlanes: [Sales, Delivery]\nsteps:\n  - {label: Go, lane: Delivry}\n")
        #expect(diagram == nil)
        #expect(problems == ["page.md:15:23: error: unknown lane 'Delivry' [diagram/invalid]\n    hint: did you mean 'Delivery'?"])
    }

    @Test func aStepWithoutALaneInALanedFlowIsAnError() {
        let (_, problems) = Spec.read("kind: flow\ntitle: T\nlanes: [Sales]\nsteps:\n  - {label: Go}\n  - Stop\n")
        #expect(problems == [
            "page.md:15:5: error: the step 'Go' has no lane [diagram/invalid]\n    hint: add 'lane: …'; the lanes are Sales",
            "page.md:16:5: error: the step 'Stop' has no lane [diagram/invalid]\n    hint: write it as '{label: Stop, lane: Sales}'; the lanes are Sales",
        ])
    }

    @Test func aLaneWithoutLanesIsAnError() {
        let (_, problems) = Spec.read("kind: flow\ntitle: T\nsteps:\n  - {label: Go, lane: Sales}\n")
        #expect(problems == [
            "page.md:14:23: error: the step names the lane 'Sales' but the diagram has no 'lanes' [diagram/invalid]\n    hint: add 'lanes: [Sales, …]' to the spec"
        ])
    }

    @Test func stepEntriesAreChecked() {
        let yaml = """
            kind: flow
            title: T
            lanes: [A, A]
            steps: [{label: x, lane: A}]

            """
        let (_, duplicate) = Spec.read(yaml)
        #expect(duplicate == ["page.md:13:12: error: the lane 'A' is listed twice [diagram/invalid]\n    hint: keep one of them"])
        let (_, entries) = Spec.read(
            "kind: flow\ntitle: T\nsteps:\n  - {lable: Go}\n  - {label: Stop, accountable: maybe}\n  - {label: A, accountable: true}\n  - {label: B, accountable: yes}\n")
        #expect(entries == [
            "page.md:14:5: error: this step has no 'label' [diagram/invalid]\n    hint: add 'label: …'",
            "page.md:14:6: warning: unknown key 'lable' in a flow step; it is ignored [diagram/unknown-key]\n    hint: did you mean 'label'?",
            "page.md:15:32: error: 'accountable' must be true or false, not text [diagram/invalid]",
            "page.md:17:5: error: more than one step is marked 'accountable' [diagram/invalid]\n    hint: one step answers for the flow; the first is at line 16",
        ])
    }

    @Test func aFlowDrawsOneToTwelveSteps() {
        let (_, none) = Spec.read("kind: flow\ntitle: T\nsteps: []\n")
        #expect(none == ["page.md:13:8: error: 'steps' has 0 entries; a flow diagram draws 1 to 12 [diagram/invalid]\n    hint: split a long flow into two diagrams"])
    }
}

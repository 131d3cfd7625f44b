import Foundation
import PlaybookDiagnostics
import PlaybookModel
@testable import PlaybookDiagrams
import Testing

@Suite struct CycleDiagramTests {
    static let spec = "kind: cycle\ntitle: Plan, do\nsteps: [Plan, Do]\nfoundation: [Trust]\n"
    static let golden = #"""
        <figure class="diagram diagram-cycle">
        <svg class="diagram-wide" role="img" viewBox="0 0 720 365" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>Plan, do</title>
        <desc>A cycle of 2 steps: Plan, then Do, and back to Plan. It stands on a foundation of Trust.</desc>
        <g class="d-arrow"><path d="M439.7 35.8 A200 124 0 0 1 446.9 261.2" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="438.1,263.6 445.6,256.9 448,265.5" fill="currentColor"/></g>
        <g class="d-arrow"><path d="M280.3 263.2 A200 124 0 0 1 273.1 37.8" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="281.9,35.4 274.4,42.1 272,33.5" fill="currentColor"/></g>
        <g class="d-node"><rect class="d-box d-step" x="285" y="8" width="150" height="35" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="15" font-weight="700" fill="currentColor"><tspan x="360" y="30.8">Plan</tspan></text></g>
        <g class="d-node"><rect class="d-box d-step" x="285" y="256" width="150" height="35" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="15" font-weight="700" fill="currentColor"><tspan x="360" y="278.8">Do</tspan></text></g>
        <rect class="d-band" x="8" y="309" width="704" height="48" rx="6" fill="none" stroke="none"/>
        <g class="d-node"><rect class="d-cell" x="250" y="317" width="220" height="32" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="360" y="337.6">Trust</tspan></text></g>
        </svg>
        <svg class="diagram-narrow" role="img" viewBox="0 0 340 297" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>Plan, do</title>
        <desc>A cycle of 2 steps: Plan, then Do, and back to Plan. It stands on a foundation of Trust.</desc>
        <g class="d-arrow"><path d="M224.3 36.8 A112 90 0 0 1 231.4 190.8" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="223,194.8 229.2,186.8 233.1,195" fill="currentColor"/></g>
        <g class="d-arrow"><path d="M115.7 194.2 A112 90 0 0 1 108.6 40.2" fill="none" stroke="currentColor" stroke-width="2"/><polygon points="117,36.2 110.8,44.2 106.9,36" fill="currentColor"/></g>
        <g class="d-node"><rect class="d-box d-step" x="120" y="8" width="100" height="35" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="15" font-weight="700" fill="currentColor"><tspan x="170" y="30.8">Plan</tspan></text></g>
        <g class="d-node"><rect class="d-box d-step" x="120" y="188" width="100" height="35" rx="6" fill="none" stroke="currentColor"/><text class="d-text d-heading" text-anchor="middle" font-size="15" font-weight="700" fill="currentColor"><tspan x="170" y="210.8">Do</tspan></text></g>
        <rect class="d-band" x="8" y="241" width="324" height="48" rx="6" fill="none" stroke="none"/>
        <g class="d-node"><rect class="d-cell" x="60" y="249" width="220" height="32" rx="6" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="13" fill="currentColor"><tspan x="170" y="269.6">Trust</tspan></text></g>
        </svg>
        </figure>

        """#

    @Test func aSmallCycleIsExactlyTheGolden() {
        #expect(Spec.figure(Self.spec) == Self.golden)
    }

    @Test func drawsOneBoxAndOneArcPerStepClockwiseFromTheTop() throws {
        let (diagram, problems) = Spec.read("kind: cycle\ntitle: T\nsteps: [A, B, C, D]\n")
        #expect(problems.isEmpty)
        let canvas = try #require(diagram).canvas(width: Style.wideWidth)
        let boxes = canvas.nodes.map(\.outline.bounds)
        #expect(canvas.nodes.flatMap(\.labels).map(\.lines) == [["A"], ["B"], ["C"], ["D"]])
        // Top, right, bottom, left.
        #expect(boxes[0].midY < boxes[1].midY && boxes[1].midX > boxes[0].midX)
        #expect(boxes[2].midY > boxes[1].midY && boxes[3].midX < boxes[0].midX)
        let arcs = canvas.items.filter {
            if case .connector(let path, let head, _) = $0 { return path.count == 2 && head.count == 3 }
            return false
        }
        #expect(arcs.count == 4)
    }

    @Test(arguments: 2...8)
    func everyStepCountLaysOutWithNothingOverlapping(count: Int) throws {
        let short = (1...count).map { "Step \($0)" }
        let long = (1...count).map { "Step \($0): agree with the customer what good looks like" }
        for steps in [short, long] {
            let foundation = (1...count).map { "Behaviour number \($0)" }
            let cycle = CycleDiagram(title: "T", description: nil, steps: steps, foundation: foundation)
            #expect(Spec.layoutProblems(cycle) == [])
        }
    }

    @Test func longLabelsAreWrappedToFitTheirBoxes() throws {
        let label = "Understand what the customer really needs before anything else happens"
        let (diagram, _) = Spec.read("kind: cycle\ntitle: T\nsteps: [\"\(label)\", Plan, Do]\n")
        for width in [Style.wideWidth, Style.narrowWidth] {
            let canvas = try #require(diagram).canvas(width: width)
            let (outline, labels) = try #require(canvas.nodes.first)
            #expect(labels[0].lines.count > 1)
            #expect(labels[0].lines.joined(separator: " ") == label)
            for line in labels[0].lines {
                #expect(TextMetrics.width(line, font: labels[0].font) <= outline.bounds.width - 2 * Style.padX)
            }
        }
    }

    @Test func stepsThatCannotCircleFitTurnIntoAStackWithAnArrowBack() throws {
        let steps = (1...8).map { "A rather long step number \($0) of the engagement" }
        let cycle = CycleDiagram(title: "T", description: nil, steps: steps, foundation: [])
        #expect(Loop(labels: steps, width: Style.narrowWidth, wide: false) == nil)
        let canvas = cycle.canvas(width: Style.narrowWidth)
        let returns = canvas.items.filter {
            if case .connector(_, _, let className) = $0 { return className == "d-arrow d-return" }
            return false
        }
        #expect(returns.count == 1)
        let boxes = canvas.nodes.map(\.outline.bounds)
        #expect(zip(boxes, boxes.dropFirst()).allSatisfy { $0.maxY < $1.y && $0.x == $1.x })
        #expect(LayoutCheck.problems(canvas) == [])
    }

    @Test func theWideRowFallbackAlsoClosesTheLoop() throws {
        let layout = CardLayout(cards: (1...3).map { [CardLayout.Part(text: "Step \($0)", font: Style.heading, className: "d-text")] }, loop: true)
        let drawn = layout.row(width: Style.wideWidth, top: Style.margin, minimum: 100, maximum: 180)
        let canvas = Canvas(width: drawn.width, height: drawn.bottom + Style.margin, items: drawn.items)
        let classes = canvas.items.compactMap { item -> String? in
            if case .connector(_, _, let className) = item { return className }
            return nil
        }
        #expect(classes == ["d-arrow", "d-arrow", "d-arrow d-return"])
        #expect(LayoutCheck.problems(canvas) == [])
    }

    @Test func theDescriptionWalksTheLoop() throws {
        let (diagram, _) = Spec.read(Self.spec)
        #expect(
            diagram?.summary == "A cycle of 2 steps: Plan, then Do, and back to Plan. It stands on a foundation of Trust.")
        let (described, _) = Spec.read(Self.spec + "description: Two steps, forever.\n")
        #expect(described?.summary == "Two steps, forever.")
    }

    @Test func aCycleNeedsTwoToEightSteps() {
        let (diagram, problems) = Spec.read("kind: cycle\ntitle: T\nsteps: [Alone]\n")
        #expect(diagram == nil)
        #expect(problems == [
            "page.md:13:8: error: 'steps' has 1 entry; a cycle diagram draws 2 to 8 [diagram/invalid]\n    hint: list the steps in order, such as 'steps: [Promise, Plan, Execution, Outcomes]', or write 'steps: framework'"
        ])
    }

    @Test func stepsMustBeAListOfText() {
        let (_, notAList) = Spec.read("kind: cycle\ntitle: T\nsteps: Promise\n")
        #expect(notAList.first?.hasPrefix("page.md:13:8: error: 'steps' must be a list, not text [diagram/invalid]") == true)
        let (_, nested) = Spec.read("kind: cycle\ntitle: T\nsteps:\n  - Promise\n  - {label: Plan}\n")
        #expect(nested == [
            "page.md:15:5: error: 'steps' must be text, not a mapping [diagram/invalid]\n    hint: quote the value if it contains ': ' or starts with '[' or '{'"
        ])
    }

    @Test func aBadFoundationIsAnError() {
        let (diagram, problems) = Spec.read("kind: cycle\ntitle: T\nsteps: [A, B]\nfoundation: [Trust, '']\n")
        #expect(diagram == nil)
        #expect(problems == ["page.md:14:21: error: 'foundation' is empty [diagram/invalid]\n    hint: write the label, or remove the entry"])
    }

    @Test func stepsAndFoundationCanComeFromTheFramework() throws {
        let framework = FrameworkDiagramTests.framework
        let (diagram, problems) = Spec.read("kind: cycle\ntitle: T\nsteps: framework\nfoundation: framework\n", framework: framework)
        #expect(problems.isEmpty)
        let cycle = try #require(diagram as? CycleDiagram)
        #expect(cycle.steps == ["Ask", "Build"])
        #expect(cycle.foundation == ["Trust"])
        // The same figure as the labels typed by hand.
        let (typed, _) = Spec.read("kind: cycle\ntitle: T\nsteps: [Ask, Build]\nfoundation: [Trust]\n")
        #expect(DiagramRenderer.figure(cycle) == DiagramRenderer.figure(try #require(typed)))
    }

    @Test func aFrameworkReferenceWithoutAFrameworkIsAnError() {
        let (diagram, problems) = Spec.read("kind: cycle\ntitle: T\nsteps: framework\n")
        #expect(diagram == nil)
        #expect(problems == [
            "page.md:13:8: error: 'steps: framework' needs the site's framework, and there is none [diagram/invalid]\n    hint: add content/framework.yml with 'steps' and 'behaviours', or list the labels"
        ])
    }

    @Test func theShippedOverviewDrawsItsCycleFromTheFramework() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("content/framework/_index.md"), encoding: .utf8)
        let fence = try #require(page.range(of: "```diagram\nkind: cycle\n"))
        let spec = page[fence.upperBound...].prefix { _ in true }.components(separatedBy: "```").first ?? ""
        #expect(spec.contains("steps: framework"))
        #expect(spec.contains("foundation: framework"))
    }
}

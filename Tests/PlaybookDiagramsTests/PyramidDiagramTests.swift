import PlaybookDiagnostics
import PlaybookModel
@testable import PlaybookDiagrams
import Testing

@Suite struct PyramidDiagramTests {
    static let spec = "kind: pyramid\ntitle: Base up\nlayers: [Trust, Results]\n"
    static let golden = #"""
        <figure class="diagram diagram-pyramid">
        <svg class="diagram-wide" role="img" viewBox="0 0 720 98" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>Base up</title>
        <desc>A pyramid of 2 layers, from the base up: Trust and Results. Each layer rests on the one below it.</desc>
        <g class="d-node"><polygon class="d-layer d-layer-1" points="270,8 450,8 545,47 175,47" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="15" fill="currentColor"><tspan x="360" y="32.8">Results</tspan></text></g>
        <g class="d-node"><polygon class="d-layer d-layer-0" points="175,51 545,51 640,90 80,90" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="15" fill="currentColor"><tspan x="360" y="75.8">Trust</tspan></text></g>
        </svg>
        <svg class="diagram-narrow" role="img" viewBox="0 0 340 98" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
        <title>Base up</title>
        <desc>A pyramid of 2 layers, from the base up: Trust and Results. Each layer rests on the one below it.</desc>
        <g class="d-node"><polygon class="d-layer d-layer-1" points="105,8 235,8 283.5,47 56.5,47" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="15" fill="currentColor"><tspan x="170" y="32.8">Results</tspan></text></g>
        <g class="d-node"><polygon class="d-layer d-layer-0" points="56.5,51 283.5,51 332,90 8,90" fill="none" stroke="currentColor"/><text class="d-text" text-anchor="middle" font-size="15" fill="currentColor"><tspan x="170" y="75.8">Trust</tspan></text></g>
        </svg>
        </figure>

        """#

    @Test func aSmallPyramidIsExactlyTheGolden() {
        #expect(Spec.figure(Self.spec) == Self.golden)
    }

    @Test func layersStackBottomFirstAndNarrowUpwards() throws {
        let (diagram, _) = Spec.read("kind: pyramid\ntitle: T\nlayers: [Base, Middle, Top]\n")
        let canvas = try #require(diagram).canvas(width: Style.wideWidth)
        let layers = canvas.nodes
        // Drawn top first: the first node is the top layer.
        #expect(layers.map { $0.labels[0].lines } == [["Top"], ["Middle"], ["Base"]])
        let bounds = layers.map(\.outline.bounds)
        #expect(bounds[0].width < bounds[1].width && bounds[1].width < bounds[2].width)
        #expect(bounds[0].maxY < bounds[1].y && bounds[1].maxY < bounds[2].y)
    }

    @Test(arguments: 2...8)
    func everyLayerCountKeepsLabelsInsideTheSlopes(count: Int) {
        let labels = [
            "Build trust", "Handle conflict constructively", "Commit to mutually beneficial outcomes",
            "Hold each other accountable", "Focus on the joint result", "Celebrate", "A-very-long-hyphenated-layer-name",
            "Supercalifragilisticexpialidocious",
        ]
        let pyramid = PyramidDiagram(title: "T", description: nil, layers: Array(labels.prefix(count)))
        #expect(Spec.layoutProblems(pyramid) == [])
    }

    @Test func theTopLayerWrapsToItsNarrowEdge() throws {
        let (diagram, _) = Spec.read("kind: pyramid\ntitle: T\nlayers: [Base, Focus on the joint result of the whole engagement]\n")
        let canvas = try #require(diagram).canvas(width: Style.narrowWidth)
        let top = try #require(canvas.nodes.first)
        #expect(top.labels[0].lines.count > 1)
        #expect(LayoutCheck.problems(canvas) == [])
    }

    @Test func theDescriptionReadsFromTheBaseUp() throws {
        let (diagram, _) = Spec.read(Self.spec)
        #expect(diagram?.summary == "A pyramid of 2 layers, from the base up: Trust and Results. Each layer rests on the one below it.")
    }

    @Test func layersAreRequired() {
        let (diagram, problems) = Spec.read("kind: pyramid\ntitle: T\nlayer: [A, B]\n")
        #expect(diagram == nil)
        #expect(problems == [
            "page.md:10:1: error: the pyramid diagram has no 'layers' [diagram/invalid]\n    hint: list the layers bottom first, such as 'layers: [Trust, Conflict, Commitment]'",
            "page.md:13:1: warning: unknown key 'layer' in a pyramid diagram; it is ignored [diagram/unknown-key]\n    hint: did you mean 'layers'?",
        ])
    }
}

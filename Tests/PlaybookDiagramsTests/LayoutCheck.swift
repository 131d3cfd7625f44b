import PlaybookDiagnostics
import PlaybookModel
@testable import PlaybookDiagrams

/// Checks a laid-out diagram by the same width estimate the layout used: every label line inside
/// its node's outline, no two labels overlapping, no two nodes overlapping, nothing outside the
/// view box, and no straight connector running through a label.
enum LayoutCheck {
    /// Every problem found, as readable sentences (empty when the drawing is sound).
    static func problems(_ canvas: Canvas) -> [String] {
        var problems: [String] = []
        let view = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        let nodes = canvas.nodes
        var frames: [(String, Rect)] = []
        for (outline, labels) in nodes {
            if !view.contains(outline.bounds) { problems.append("node \(outline.bounds) leaves the view box \(view)") }
            for label in labels {
                frames.append((label.lines.joined(separator: " "), label.frame))
                for line in lineRects(label) where !inside(line.rect, outline) {
                    problems.append("'\(line.text)' (\(line.rect)) is not inside its box \(outline.bounds)")
                }
            }
        }
        for i in frames.indices {
            for j in frames.indices where j > i && frames[i].1.overlaps(frames[j].1) {
                problems.append("'\(frames[i].0)' overlaps '\(frames[j].0)'")
            }
        }
        for i in nodes.indices {
            for j in nodes.indices where j > i && overlap(nodes[i].outline, nodes[j].outline) {
                problems.append("box \(nodes[i].outline.bounds) overlaps box \(nodes[j].outline.bounds)")
            }
        }
        for item in canvas.items {
            guard case .connector(let path, let head, _) = item else { continue }
            for point in samples(path) + head {
                if !view.contains(point) { problems.append("a connector leaves the view box at \(point)") }
                for (text, frame) in frames where frame.contains(point) {
                    problems.append("a connector crosses the label '\(text)' at \(point)")
                }
            }
        }
        return problems
    }

    /// The rectangle of each line of a label, by the width estimate.
    static func lineRects(_ label: TextBlock) -> [(text: String, rect: Rect)] {
        label.lines.indices.map { (label.lines[$0], label.lineFrame($0)) }
    }

    /// True when all four corners of `rect` are inside `outline`.
    static func inside(_ rect: Rect, _ outline: Outline) -> Bool {
        let corners = [
            Point(x: rect.x, y: rect.y), Point(x: rect.maxX, y: rect.y), Point(x: rect.x, y: rect.maxY),
            Point(x: rect.maxX, y: rect.maxY),
        ]
        switch outline {
        case .rect(let box, _): return box.contains(rect)
        case .polygon(let points): return corners.allSatisfy { contains(points, $0) }
        }
    }

    /// Point in a convex polygon, edges included.
    static func contains(_ polygon: [Point], _ point: Point) -> Bool {
        var sign = 0.0
        for index in polygon.indices {
            let a = polygon[index]
            let b = polygon[(index + 1) % polygon.count]
            let cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x)
            if abs(cross) < 1e-9 { continue }
            if sign == 0 { sign = cross } else if (sign > 0) != (cross > 0) { return false }
        }
        return true
    }

    private static func overlap(_ a: Outline, _ b: Outline) -> Bool {
        if case .polygon = a, case .polygon = b {
            // Pyramid layers: stacked trapezoids overlap only if their vertical extents do.
            return a.bounds.y < b.bounds.maxY && b.bounds.y < a.bounds.maxY
        }
        return a.bounds.overlaps(b.bounds)
    }

    /// Points every 2 units along the straight parts of a path (arcs are checked in the browser).
    private static func samples(_ path: [PathStep]) -> [Point] {
        var points: [Point] = []
        var current: Point?
        for step in path {
            switch step {
            case .move(let point):
                current = point
            case .line(let point):
                if let from = current {
                    let length = ((point.x - from.x) * (point.x - from.x) + (point.y - from.y) * (point.y - from.y)).squareRoot()
                    let count = max(1, Int(length / 2))
                    for k in 0...count {
                        let t = Double(k) / Double(count)
                        points.append(Point(x: from.x + (point.x - from.x) * t, y: from.y + (point.y - from.y) * t))
                    }
                }
                current = point
            case .arc(_, _, _, _, let point):
                points.append(point)
                current = point
            }
        }
        return points
    }
}

/// Helpers to run a spec in tests.
enum Spec {
    /// A fence at line 10 of `page.md`, so spec line 1 is file line 11.
    static let fence = SourceLocation(file: "page.md", line: 10, column: 1)

    /// The diagram read from `yaml`, or `nil`, and the problems as compiler-style text, sorted as the build prints them.
    static func read(_ yaml: String, framework: Framework? = nil, plan: EngagementPlan? = nil) -> (Diagram?, [String]) {
        let context = DiagramSpec.Context(framework: framework, plan: plan.map(PlanFacts.init))
        let (diagram, problems) = DiagramSpec.parse(yaml, at: fence, context: context)
        return (diagram, problems.sorted().map(\.description))
    }

    /// Every problem of `diagram`'s wide and narrow drawings.
    static func layoutProblems(_ diagram: Diagram) -> [String] {
        [Style.wideWidth, Style.narrowWidth].flatMap { width in
            LayoutCheck.problems(diagram.canvas(width: width)).map { "at \(Int(width)): \($0)" }
        }
    }

    /// The figure for a spec that must be valid.
    static func figure(_ yaml: String, framework: Framework? = nil, plan: EngagementPlan? = nil) -> String {
        DiagramRenderer(framework: framework, plan: plan).render(yaml, at: fence).html ?? "(no diagram)"
    }

    /// An engagement plan read from front matter YAML (the text between the `---` lines).
    static func plan(_ yaml: String) -> EngagementPlan? {
        guard case .success(let root?) = YAMLParser.parse(yaml, file: "plan.md", lineOffset: 1) else { return nil }
        return EngagementPlan.decode(root, file: "plan.md").0
    }
}

internal import Foundation
internal import PlaybookModel

/// `kind: cycle`: steps around a loop, clockwise from the top, each joined to the next by an arrow
/// along an ellipse; optionally standing on a `foundation` band.
struct CycleDiagram: Diagram {
    var title: String
    var description: String?
    var steps: [String]
    var foundation: [String]
    var kind: String { "cycle" }

    static let keys = ["kind", "title", "description", "steps", "foundation"]

    /// Reads a cycle spec; `nil` when a required field is missing or wrong (the reader has the error).
    ///
    /// `steps: framework` draws the titles of the framework's steps and `foundation: framework`
    /// the titles of its behaviours, both from `content/framework.yml`, so the figure cannot
    /// drift from the framework.
    static func read(_ reader: inout SpecReader, framework: Framework? = nil) -> CycleDiagram? {
        reader.checkKeys(known: keys)
        let title = reader.text("title", required: true, hint: "add 'title: …': it names the diagram for screen readers")
        let description = reader.text("description", required: false)
        let steps: [String]?
        if isFrameworkReference(reader.value("steps")) {
            steps = fromFramework(&reader, key: "steps", framework: framework, titles: framework?.steps.map(\.title) ?? [], count: 2...8)
        } else {
            steps = reader.labels(
                "steps", required: true, count: 2...8,
                hint: "list the steps in order, such as 'steps: [Promise, Plan, Execution, Outcomes]', or write 'steps: framework'")
        }
        let foundation: [String]?
        if isFrameworkReference(reader.value("foundation")) {
            foundation = fromFramework(
                &reader, key: "foundation", framework: framework, titles: framework?.behaviours.map(\.title) ?? [], count: 1...8)
        } else {
            foundation = reader.labels("foundation", required: false, count: 1...8)
        }
        guard let title, let steps else { return nil }
        return CycleDiagram(title: title, description: description, steps: steps, foundation: foundation ?? [])
    }

    /// Whether `node` is the scalar `framework`, which takes a list from the site's framework.
    private static func isFrameworkReference(_ node: YAMLNode?) -> Bool {
        node?.sequence == nil && node?.scalarText == "framework"
    }

    /// The framework's `titles` for `key`, or `nil` with an error when the site has no framework
    /// or it has too few or too many entries for a cycle.
    private static func fromFramework(
        _ reader: inout SpecReader, key: String, framework: Framework?, titles: [String], count range: ClosedRange<Int>
    ) -> [String]? {
        let location = reader.value(key)?.location ?? reader.fence
        guard framework != nil else {
            reader.error(
                at: location, "'\(key): framework' needs the site's framework, and there is none",
                hint: "add content/framework.yml with 'steps' and 'behaviours', or list the labels")
            return nil
        }
        let labels = titles.map(TextMetrics.normalize)
        guard range.contains(labels.count) else {
            reader.error(
                at: location, "the framework has \(labels.count) \(key == "steps" ? "steps" : "behaviours"); a cycle diagram draws \(range.lowerBound) to \(range.upperBound)",
                hint: "list the labels instead")
            return nil
        }
        return labels
    }

    var summary: String {
        if let description { return description }
        var text = "A cycle of \(steps.count) steps: " + steps.joined(separator: ", then ")
        text += ", and back to \(steps[0])."
        if !foundation.isEmpty { text += " It stands on a foundation of " + DiagramSpec.list(foundation) + "." }
        return text
    }

    func canvas(width: Double) -> Canvas {
        let wide = width >= Style.wideWidth
        var canvas = Canvas(width: width, height: 0)
        var bottom: Double
        if let loop = Loop(labels: steps, width: width, wide: wide) {
            canvas.items = loop.arcs() + loop.boxes()
            bottom = loop.bottom
        } else {
            // Too many or too long steps for an ellipse at this width: a row (or a stack) with an
            // arrow from the last step back to the first says the same thing.
            let layout = CardLayout(
                cards: steps.map { [CardLayout.Part(text: $0, font: Loop.font, className: "d-text d-heading")] }, loop: true)
            let drawn = wide
                ? layout.row(width: width, top: Style.margin, minimum: 100, maximum: 180) : layout.stack(width: width, top: Style.margin)
            canvas.width = drawn.width
            canvas.items = drawn.items
            bottom = drawn.bottom
        }
        if !foundation.isEmpty {
            let band = FoundationBand.layout(
                foundation, x: Style.margin, y: bottom + 18, width: canvas.width - 2 * Style.margin, minimumCell: 120)
            canvas.items += band.items
            bottom += 18 + band.height
        }
        canvas.height = (bottom + Style.margin).rounded(.up)
        return canvas
    }
}

/// The geometry of a loop of boxes on an ellipse, shared by the kinds that draw a cycle.
struct Loop {
    let lines: [[String]]
    let boxWidth: Double
    let boxHeight: Double
    let center: Point
    let radiusX: Double
    let radiusY: Double
    let angles: [Double]
    /// The lowest point drawn, boxes and arcs included.
    let bottom: Double

    static let font = Style.heading

    /// Lays out `labels` clockwise from the top, the loop as wide as `width` allows and tall
    /// enough that no two boxes (nor the arrows between neighbours) collide; `nil` when that
    /// cannot be done within a sensible height.
    init?(labels: [String], width: Double, wide: Bool) {
        let margin = Style.margin
        let count = labels.count
        let boxWidth = min((width - 2 * margin) / 2.2, Draw.widthForWords(labels, font: Self.font, minimum: wide ? 150 : 100))
        let lines = labels.map { Draw.wrap($0, boxWidth: boxWidth, font: Self.font) }
        let boxHeight = Draw.boxHeight(lines: lines.map(\.count).max() ?? 1, font: Self.font)
        let widest = (width - boxWidth) / 2 - margin
        let radiusX = wide && count <= 4 ? min(200, widest) : widest
        let angles = (0..<count).map { -Double.pi / 2 + 2 * Double.pi * Double($0) / Double(count) }
        let gap = { (i: Int, j: Int) -> Double in j == i + 1 || (i == 0 && j == count - 1) ? 36 : 12 }
        var radiusY = max(radiusX * (wide ? 0.62 : 0.8), boxHeight + 24)
        for i in 0..<count {
            for j in (i + 1)..<count {
                let dx = radiusX * abs(cos(angles[i]) - cos(angles[j]))
                let ds = abs(sin(angles[i]) - sin(angles[j]))
                if dx < boxWidth + gap(i, j), ds > 0.2 { radiusY = max(radiusY, (boxHeight + gap(i, j)) / ds) }
            }
        }
        radiusY = radiusY.rounded(.up)
        for i in 0..<count {
            for j in (i + 1)..<count {
                let dx = radiusX * abs(cos(angles[i]) - cos(angles[j]))
                let dy = radiusY * abs(sin(angles[i]) - sin(angles[j]))
                if dx < boxWidth + gap(i, j) - 1e-6, dy < boxHeight + gap(i, j) - 1e-6 { return nil }
            }
        }
        if 2 * radiusY + boxHeight > (wide ? 0.75 : 1.25) * width { return nil }
        let top = min(-radiusY - 2, angles.map { radiusY * sin($0) - boxHeight / 2 }.min() ?? 0)
        let centerY = margin - top
        let lowest = max(radiusY + 2, angles.map { radiusY * sin($0) + boxHeight / 2 }.max() ?? 0)
        self.lines = lines
        self.boxWidth = boxWidth
        self.boxHeight = boxHeight
        self.center = Point(x: width / 2, y: centerY)
        self.radiusX = radiusX
        self.radiusY = radiusY
        self.angles = angles
        self.bottom = centerY + lowest
    }

    /// The point of the ellipse at angle `t`.
    func point(_ t: Double) -> Point {
        Point(x: center.x + radiusX * cos(t), y: center.y + radiusY * sin(t))
    }

    /// The box of step `index`.
    func box(_ index: Int) -> Rect {
        let c = point(angles[index])
        return Rect(x: c.x - boxWidth / 2, y: c.y - boxHeight / 2, width: boxWidth, height: boxHeight)
    }

    /// The step boxes.
    func boxes() -> [Item] {
        angles.indices.map { Draw.box(box($0), lines: lines[$0], font: Self.font, className: "d-box d-step", textClass: "d-text d-heading") }
    }

    /// An arrow along the ellipse from each box to the next, starting and ending just outside them.
    func arcs() -> [Item] {
        let count = angles.count
        let steps = 720
        var items: [Item] = []
        for index in 0..<count {
            let from = angles[index]
            let sweep = 2 * Double.pi / Double(count)
            let delta = sweep / Double(steps)
            let source = box(index).outset(4, 4)
            let target = box((index + 1) % count).outset(3, 3)
            var start = 0
            while start < steps, source.contains(point(from + Double(start) * delta)) { start += 1 }
            var end = steps
            while end > start, target.contains(point(from + Double(end) * delta)) { end -= 1 }
            let tip = point(from + Double(end) * delta)
            var base = end
            while base > start, distance(point(from + Double(base) * delta), tip) < Style.headLength { base -= 1 }
            guard base > start else { continue }
            let startAngle = from + Double(start) * delta
            let baseAngle = from + Double(base) * delta
            let (dx, dy) = Draw.unit(from: point(baseAngle), to: tip)
            let path: [PathStep] = [
                .move(point(startAngle)),
                .arc(radiusX: radiusX, radiusY: radiusY, largeArc: baseAngle - startAngle > Double.pi, clockwise: true, to: point(baseAngle)),
            ]
            items.append(.connector(path: path, head: Draw.head(tip: tip, dx: dx, dy: dy), className: "d-arrow"))
        }
        return items
    }

    private func distance(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}

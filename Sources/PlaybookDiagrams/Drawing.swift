/// Sizes every diagram shares, in user units.
enum Style {
    /// Space around the whole drawing.
    static let margin = 8.0
    /// Space between a box's edge and its label, left and right.
    static let padX = 10.0
    /// Space between a box's edge and its label, top and bottom.
    static let padY = 8.0
    /// Corner radius of boxes.
    static let radius = 6.0
    /// Labels of the main boxes.
    static let label = Font(size: 15)
    /// Step names.
    static let heading = Font(size: 15, bold: true)
    /// Secondary text: questions, foundation cells, lane names.
    static let small = Font(size: 13)
    /// Lane names.
    static let smallBold = Font(size: 13, bold: true)
    /// The length of an arrowhead.
    static let headLength = 9.0
    /// Half the width of an arrowhead's base.
    static let headHalfWidth = 4.5
    /// The room an arrow needs between two boxes.
    static let arrowGap = 30.0
    /// The view box width a diagram is laid out for on a wide screen and on paper.
    static let wideWidth = 720.0
    /// The view box width a diagram is laid out for on a phone.
    static let narrowWidth = 340.0
}

/// Builders for the items every kind draws.
enum Draw {
    /// A box with a label wrapped to fit inside it.
    static func box(_ rect: Rect, lines: [String], font: Font, className: String = "d-box", textClass: String = "d-text")
        -> Item
    {
        .node(
            outline: .rect(rect, radius: Style.radius), className: className,
            labels: [TextBlock(lines: lines, center: rect.center, font: font, className: textClass)])
    }

    /// The lines of `text` wrapped to fit a box of `width`, with padding.
    static func wrap(_ text: String, boxWidth width: Double, font: Font) -> [String] {
        TextMetrics.wrap(text, width: width - 2 * Style.padX, font: font)
    }

    /// The height of a box holding `lines` lines.
    static func boxHeight(lines: Int, font: Font) -> Double {
        font.height(lines: lines) + 2 * Style.padY
    }

    /// A box width that fits the longest word of every label, at least `minimum`.
    static func widthForWords(_ labels: [String], font: Font, minimum: Double) -> Double {
        let word = labels.map { TextMetrics.longestWord($0, font: font) }.max() ?? 0
        return max(minimum, (word + 2 * Style.padX + 1).rounded(.up))
    }

    /// A connector through straight segments, ending in an arrowhead at the last point.
    static func arrow(_ points: [Point], className: String = "d-arrow") -> Item {
        guard points.count >= 2, let tip = points.last else {
            return .connector(path: [], head: [], className: className)
        }
        let from = points[points.count - 2]
        let (dx, dy) = unit(from: from, to: tip)
        let base = Point(x: tip.x - dx * Style.headLength, y: tip.y - dy * Style.headLength)
        var path: [PathStep] = [.move(points[0])]
        for point in points.dropFirst().dropLast() { path.append(.line(point)) }
        path.append(.line(base))
        return .connector(path: path, head: head(tip: tip, dx: dx, dy: dy), className: className)
    }

    /// A line through `points` with no arrowhead (a spine that arrows branch from, a rule).
    static func line(_ points: [Point], className: String) -> Item {
        guard let first = points.first else { return .connector(path: [], head: [], className: className) }
        return .connector(path: [.move(first)] + points.dropFirst().map { .line($0) }, head: [], className: className)
    }

    /// The triangle of an arrowhead whose tip is at `tip`, pointing along the unit vector (dx, dy).
    static func head(tip: Point, dx: Double, dy: Double) -> [Point] {
        let base = Point(x: tip.x - dx * Style.headLength, y: tip.y - dy * Style.headLength)
        return [
            tip,
            Point(x: base.x - dy * Style.headHalfWidth, y: base.y + dx * Style.headHalfWidth),
            Point(x: base.x + dy * Style.headHalfWidth, y: base.y - dx * Style.headHalfWidth),
        ]
    }

    /// The unit vector from one point to another ((1, 0) when they coincide).
    static func unit(from a: Point, to b: Point) -> (Double, Double) {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return (1, 0) }
        return (dx / length, dy / length)
    }
}

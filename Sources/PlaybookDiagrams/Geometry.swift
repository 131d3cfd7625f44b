/// A point in SVG user units (y grows downwards).
struct Point: Hashable, Sendable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle in SVG user units.
struct Rect: Hashable, Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
    var center: Point { Point(x: midX, y: midY) }

    /// The rectangle grown by `dx` on the left and right and `dy` at the top and bottom.
    func outset(_ dx: Double, _ dy: Double) -> Rect {
        Rect(x: x - dx, y: y - dy, width: width + 2 * dx, height: height + 2 * dy)
    }

    /// True when the two rectangles share any area (touching edges do not count).
    func overlaps(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// True when `point` is inside or on the edge.
    func contains(_ point: Point) -> Bool {
        point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
    }

    /// True when `other` lies wholly inside (edges may touch).
    func contains(_ other: Rect) -> Bool {
        other.x >= x && other.maxX <= maxX && other.y >= y && other.maxY <= maxY
    }
}

/// A block of wrapped text, centred on a point: one label of a diagram.
struct TextBlock: Hashable, Sendable {
    /// The lines, already wrapped.
    var lines: [String]
    /// The centre of the block.
    var center: Point
    /// The font every line uses.
    var font: Font
    /// The CSS class of the `<text>` element.
    var className: String = "d-text"
    /// When set, lines start at this x (left-aligned) instead of being centred on `center.x`.
    var left: Double? = nil

    /// The block's extent by the width estimate: as wide as its widest line, one line height per line.
    var frame: Rect {
        let width = TextMetrics.width(lines: lines, font: font)
        let height = font.height(lines: lines.count)
        return Rect(x: left ?? center.x - width / 2, y: center.y - height / 2, width: width, height: height)
    }

    /// Where line `index` starts (left-aligned) or is centred, by the width estimate.
    func lineFrame(_ index: Int) -> Rect {
        let width = TextMetrics.width(lines[index], font: font)
        let top = center.y - font.height(lines: lines.count) / 2 + Double(index) * font.lineHeight
        return Rect(x: left ?? center.x - width / 2, y: top, width: width, height: font.lineHeight)
    }
}

/// The outline of a node: a rounded rectangle or a polygon.
enum Outline: Hashable, Sendable {
    case rect(Rect, radius: Double)
    case polygon([Point])

    /// The smallest rectangle around the outline.
    var bounds: Rect {
        switch self {
        case .rect(let rect, _): return rect
        case .polygon(let points):
            let xs = points.map(\.x)
            let ys = points.map(\.y)
            let minX = xs.min() ?? 0
            let minY = ys.min() ?? 0
            return Rect(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
        }
    }
}

/// One step of a connector's path.
enum PathStep: Hashable, Sendable {
    case move(Point)
    case line(Point)
    /// An elliptical arc to a point, clockwise when `clockwise` is true.
    case arc(radiusX: Double, radiusY: Double, largeArc: Bool, clockwise: Bool, to: Point)
}

/// Something drawn in a diagram, in drawing order.
enum Item: Hashable, Sendable {
    /// A shape with labels that must stay inside it (a box, a layer, a lane heading).
    case node(outline: Outline, className: String, labels: [TextBlock])
    /// A shape with no label (a band or lane behind other nodes).
    case shape(outline: Outline, className: String)
    /// A small solid mark with no label (a milestone on a timeline).
    case mark(outline: Outline, className: String)
    /// A line or curve with an arrowhead at its end (`head` is the arrowhead's triangle).
    case connector(path: [PathStep], head: [Point], className: String)
}

/// A laid-out diagram: its size in user units and what to draw.
struct Canvas: Hashable, Sendable {
    /// The width of the view box.
    var width: Double
    /// The height of the view box.
    var height: Double
    /// Everything to draw, back to front.
    var items: [Item] = []

    /// Every node with its outline and labels, for checks.
    var nodes: [(outline: Outline, labels: [TextBlock])] {
        items.compactMap {
            if case .node(let outline, _, let labels) = $0 { return (outline, labels) }
            return nil
        }
    }
}

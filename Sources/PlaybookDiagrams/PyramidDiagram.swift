/// `kind: pyramid`: layers stacked bottom to top, each narrower than the one below.
struct PyramidDiagram: Diagram {
    var title: String
    var description: String?
    /// The layers, bottom first.
    var layers: [String]
    var kind: String { "pyramid" }

    static let keys = ["kind", "title", "description", "layers"]
    static let font = Style.label
    /// Space between two layers.
    static let gap = 4.0

    /// Reads a pyramid spec; `nil` when a required field is missing or wrong (the reader has the error).
    static func read(_ reader: inout SpecReader) -> PyramidDiagram? {
        reader.checkKeys(known: keys)
        let title = reader.text("title", required: true, hint: "add 'title: …': it names the diagram for screen readers")
        let description = reader.text("description", required: false)
        let layers = reader.labels(
            "layers", required: true, count: 2...8, hint: "list the layers bottom first, such as 'layers: [Trust, Conflict, Commitment]'")
        guard let title, let layers else { return nil }
        return PyramidDiagram(title: title, description: description, layers: layers)
    }

    var summary: String {
        if let description { return description }
        return "A pyramid of \(layers.count) layers, from the base up: " + DiagramSpec.list(layers)
            + ". Each layer rests on the one below it."
    }

    func canvas(width: Double) -> Canvas {
        let wide = width >= Style.wideWidth
        let base = wide ? 560.0 : width - 2 * Style.margin
        let apex = min(base / 2, Draw.widthForWords(layers, font: Self.font, minimum: wide ? 180 : 130))
        let count = layers.count
        // The widths step down evenly by layer; a layer's label is wrapped to its narrower, top edge.
        let widthAt = { (level: Int) -> Double in base - (base - apex) * Double(level) / Double(count) }
        let lines = layers.indices.map { Draw.wrap(layers[$0], boxWidth: widthAt($0 + 1), font: Self.font) }
        let height = Draw.boxHeight(lines: lines.map(\.count).max() ?? 1, font: Self.font) + 4
        let centerX = width / 2
        var items: [Item] = []
        for level in layers.indices.reversed() {
            let row = count - 1 - level
            let top = Style.margin + Double(row) * (height + Self.gap)
            let bottomHalf = widthAt(level) / 2
            let topHalf = widthAt(level + 1) / 2
            let corners = [
                Point(x: centerX - topHalf, y: top), Point(x: centerX + topHalf, y: top),
                Point(x: centerX + bottomHalf, y: top + height), Point(x: centerX - bottomHalf, y: top + height),
            ]
            let label = TextBlock(
                lines: lines[level], center: Point(x: centerX, y: top + height / 2), font: Self.font)
            items.append(.node(outline: .polygon(corners), className: "d-layer d-layer-\(level % 2)", labels: [label]))
        }
        let total = Style.margin * 2 + Double(count) * height + Double(count - 1) * Self.gap
        return Canvas(width: width, height: total.rounded(.up), items: items)
    }
}

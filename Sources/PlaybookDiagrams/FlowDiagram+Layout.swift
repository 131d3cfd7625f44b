/// The two layouts of a flow: left to right with lanes as rows (wide), top to bottom with lanes as
/// columns (narrow).
extension FlowDiagram {
    static let font = Style.label
    static let laneFont = Style.smallBold
    /// The width of the lane names' column in the wide layout.
    static let laneHeaderWidth = 110.0

    /// Left to right: one column per step, one row per lane, the owner band under every lane.
    func horizontal(width: Double) -> Canvas {
        let margin = Style.margin
        let header = lanes.isEmpty ? 0 : min(Self.laneHeaderWidth, Draw.widthForWords(lanes, font: Self.laneFont, minimum: 72))
        let words = Draw.widthForWords(steps.map(\.label), font: Self.font, minimum: 92) + Style.arrowGap
        let room = (width - 2 * margin - header) / Double(steps.count)
        let column = max(words, min(room, 200), 122)
        let canvasWidth = max(width, (2 * margin + header + Double(steps.count) * column).rounded(.up))
        // Spare room when the steps are few: centre them in the lanes.
        let left = margin + header + (canvasWidth - 2 * margin - header - Double(steps.count) * column) / 2
        let boxWidth = column - Style.arrowGap
        let lines = steps.map { Draw.wrap($0.label, boxWidth: boxWidth, font: Self.font) }
        let boxHeight = Draw.boxHeight(lines: lines.map(\.count).max() ?? 1, font: Self.font)
        let laneLines = lanes.map { Draw.wrap($0, boxWidth: header, font: Self.laneFont) }
        let rowHeight = lanes.isEmpty
            ? boxHeight + 8 : max(boxHeight + 28, Draw.boxHeight(lines: laneLines.map(\.count).max() ?? 1, font: Self.laneFont))
        let rowTop = { (row: Int) -> Double in margin + Double(row) * (rowHeight + 4) }
        var items: [Item] = []
        for (index, lines) in laneLines.enumerated() {
            let row = Rect(x: margin, y: rowTop(index), width: canvasWidth - 2 * margin, height: rowHeight)
            items.append(.shape(outline: .rect(row, radius: Style.radius), className: "d-lane"))
            let head = Rect(x: margin, y: row.y, width: header, height: rowHeight)
            items.append(Draw.box(head, lines: lines, font: Self.laneFont, className: "d-lane-head", textClass: "d-text d-lane-name"))
        }
        let boxes = steps.indices.map { index -> Rect in
            let x = left + Double(index) * column + Style.arrowGap / 2
            let y = rowTop(steps[index].lane ?? 0) + (rowHeight - boxHeight) / 2
            return Rect(x: x, y: y, width: boxWidth, height: boxHeight)
        }
        for index in steps.indices.dropLast() {
            let (from, to) = (boxes[index], boxes[index + 1])
            if from.midY == to.midY {
                items.append(Draw.arrow([Point(x: from.maxX, y: from.midY), Point(x: to.x, y: to.midY)]))
            } else {
                let middle = from.maxX + Style.arrowGap / 2
                items.append(
                    Draw.arrow(
                        [Point(x: from.maxX, y: from.midY), Point(x: middle, y: from.midY), Point(x: middle, y: to.midY), Point(x: to.x, y: to.midY)],
                        className: "d-arrow d-handoff"))
            }
        }
        items += boxItems(boxes, lines: lines)
        let lanesBottom = rowTop(max(lanes.count, 1)) - 4
        return finish(items: items, width: canvasWidth, below: lanesBottom)
    }

    /// Top to bottom: one row per step, one column per lane, the owner band under every lane.
    func vertical(width: Double) -> Canvas {
        if lanes.count > 3 { return tagged(width: width) }
        let margin = Style.margin
        let columns = max(lanes.count, 1)
        let inset = 8.0
        let words = Draw.widthForWords(steps.map(\.label) + lanes, font: Self.font, minimum: 80) + 2 * inset
        let column = max((width - 2 * margin) / Double(columns), words)
        let canvasWidth = max(width, (2 * margin + Double(columns) * column).rounded(.up))
        let boxWidth = lanes.isEmpty ? min(column - 2 * inset, 260) : column - 2 * inset
        let lines = steps.map { Draw.wrap($0.label, boxWidth: boxWidth, font: Self.font) }
        let boxHeight = Draw.boxHeight(lines: lines.map(\.count).max() ?? 1, font: Self.font)
        let laneLines = lanes.map { Draw.wrap($0, boxWidth: column - 4, font: Self.laneFont) }
        let headerHeight = lanes.isEmpty ? 0 : Draw.boxHeight(lines: laneLines.map(\.count).max() ?? 1, font: Self.laneFont)
        let pitch = boxHeight + Style.arrowGap - 2
        let stepsTop = margin + headerHeight + (lanes.isEmpty ? 0 : 10)
        let stepsBottom = stepsTop + Double(steps.count) * pitch - (pitch - boxHeight)
        let columnLeft = { (index: Int) -> Double in margin + Double(index) * column }
        var items: [Item] = []
        for (index, lines) in laneLines.enumerated() {
            let lane = Rect(x: columnLeft(index) + 2, y: margin, width: column - 4, height: stepsBottom + 10 - margin)
            items.append(.shape(outline: .rect(lane, radius: Style.radius), className: "d-lane"))
            let head = Rect(x: lane.x, y: margin, width: lane.width, height: headerHeight)
            items.append(Draw.box(head, lines: lines, font: Self.laneFont, className: "d-lane-head", textClass: "d-text d-lane-name"))
        }
        let boxes = steps.indices.map { index -> Rect in
            let x = columnLeft(steps[index].lane ?? 0) + (column - boxWidth) / 2
            return Rect(x: x, y: stepsTop + Double(index) * pitch, width: boxWidth, height: boxHeight)
        }
        for index in steps.indices.dropLast() {
            let (from, to) = (boxes[index], boxes[index + 1])
            if from.midX == to.midX {
                items.append(Draw.arrow([Point(x: from.midX, y: from.maxY), Point(x: to.midX, y: to.y)]))
            } else {
                let middle = from.maxY + (to.y - from.maxY) / 2
                items.append(
                    Draw.arrow(
                        [Point(x: from.midX, y: from.maxY), Point(x: from.midX, y: middle), Point(x: to.midX, y: middle), Point(x: to.midX, y: to.y)],
                        className: "d-arrow d-handoff"))
            }
        }
        items += boxItems(boxes, lines: lines)
        return finish(items: items, width: canvasWidth, below: lanes.isEmpty ? stepsBottom : stepsBottom + 10)
    }

    /// Top to bottom in one column, each box naming its lane: more than three lanes side by side
    /// would leave a phone's columns too thin to read.
    func tagged(width: Double) -> Canvas {
        var layout = CardLayout(
            cards: steps.map { step in
                let lane = step.lane.map { [CardLayout.Part(text: lanes[$0], font: Self.laneFont, className: "d-text d-lane-name")] } ?? []
                return lane + [CardLayout.Part(text: step.label, font: Self.font, className: "d-text")]
            }, loop: false)
        layout.boxClasses = steps.map { $0.accountable ? "d-box d-owner" : "d-box" }
        layout.arrowClasses = steps.indices.dropLast().map { steps[$0].lane == steps[$0 + 1].lane ? "d-arrow" : "d-arrow d-handoff" }
        let drawn = layout.stack(width: width, top: Style.margin)
        return finish(items: drawn.items, width: drawn.width, below: drawn.bottom)
    }

    private func boxItems(_ boxes: [Rect], lines: [[String]]) -> [Item] {
        steps.indices.map { index in
            Draw.box(
                boxes[index], lines: lines[index], font: Self.font,
                className: steps[index].accountable ? "d-box d-owner" : "d-box")
        }
    }

    /// Adds the owner band (if any) under `below` and sizes the canvas.
    private func finish(items: [Item], width: Double, below: Double) -> Canvas {
        var items = items
        var bottom = below
        if let owner {
            let bandWidth = width - 2 * Style.margin
            let lines = Draw.wrap(owner, boxWidth: bandWidth, font: Style.heading)
            let band = Rect(x: Style.margin, y: bottom + 10, width: bandWidth, height: Draw.boxHeight(lines: lines.count, font: Style.heading))
            items.append(Draw.box(band, lines: lines, font: Style.heading, className: "d-owner", textClass: "d-text d-heading"))
            bottom = band.maxY
        }
        return Canvas(width: width, height: (bottom + Style.margin).rounded(.up), items: items)
    }
}

internal import PlaybookModel

/// Lays out a timeline: month ticks on top, one row per task (its label beside the track on a
/// wide screen, above it on a phone) and a legend under the rows.
struct TimelineLayout {
    let diagram: TimelineDiagram
    let width: Double
    let wide: Bool
    let labelWidth: Double
    let chartLeft: Double
    let chartRight: Double

    static let tickFont = Font(size: 12)
    /// Height of a track on a phone, under its label.
    static let stripHeight = 18.0

    init(diagram: TimelineDiagram, width: Double) {
        self.diagram = diagram
        self.width = width
        wide = width >= Style.wideWidth
        labelWidth = wide ? 250 : width - 2 * Style.margin
        chartLeft = wide ? Style.margin + labelWidth + 14 : Style.margin + 8
        chartRight = width - Style.margin - 8
    }

    /// The x of a day on the axis.
    func x(_ date: PlanDate) -> Double {
        let (first, last) = diagram.range
        let span = Double(max(1, last.days(since: first)))
        return chartLeft + Double(date.days(since: first)) / span * (chartRight - chartLeft)
    }

    /// The first of each month from the first day shown to the last.
    var ticks: [PlanDate] {
        let (first, last) = diagram.range
        var result: [PlanDate] = first.day == 1 ? [first] : []
        var year = first.year
        var month = first.month
        while result.count < 240 {
            month += 1
            if month > 12 { month = 1; year += 1 }
            guard let date = PlanDate(year: year, month: month, day: 1), date <= last else { break }
            result.append(date)
        }
        return result
    }

    func canvas() -> Canvas {
        var items = axis()
        var top = Style.margin + Self.tickFont.lineHeight + 8
        let rows = diagram.dated
        if rows.isEmpty {
            let lines = Draw.wrap("No task has a due date yet", boxWidth: labelWidth, font: TimelineDiagram.textFont)
            let rect = Rect(x: Style.margin, y: top, width: labelWidth, height: Draw.boxHeight(lines: lines.count, font: TimelineDiagram.textFont))
            items.append(Draw.box(rect, lines: lines, font: TimelineDiagram.textFont, className: "d-box d-broken"))
            top = rect.maxY + 8
        }
        for task in rows {
            let row = self.row(task, top: top)
            items += row.items
            top = row.bottom + (wide ? 4 : 8)
        }
        let legend = self.legend(top: top + 6)
        items += legend.items
        return Canvas(width: width, height: (legend.bottom + Style.margin).rounded(.up), items: items)
    }

    /// Month names over the chart, leaving out any that would touch the one before.
    private func axis() -> [Item] {
        var items: [Item] = []
        var previousRight = -Double.infinity
        for (index, date) in ticks.enumerated() {
            var text = date.monthName
            if index == 0 || date.month == 1 { text += " \(date.year)" }
            let textWidth = TextMetrics.width(text, font: Self.tickFont) + 4
            // Centred on its tick, but kept inside the chart at either end.
            let left = min(max(x(date) - textWidth / 2, chartLeft - 2), width - Style.margin - textWidth)
            // A point of room above and below: a label's glyphs can fill its whole line height.
            let rect = Rect(x: left, y: Style.margin - 1, width: textWidth, height: Self.tickFont.lineHeight + 2)
            guard rect.x > previousRight + 6 else { continue }
            previousRight = rect.maxX
            items.append(
                .node(outline: .rect(rect, radius: 0), className: "d-tick", labels: [TextBlock(lines: [text], center: rect.center, font: Self.tickFont, className: "d-text d-muted")]))
        }
        return items
    }

    /// A task's label and its track: the window, the buffer, month rules, and a diamond at the due date.
    private func row(_ task: PlanFacts.TaskFact, top: Double) -> (items: [Item], bottom: Double) {
        let meta = [task.owner, task.due.map { "due \($0)" }].compactMap { $0 }.joined(separator: " · ")
        let parts = [
            CardLayout.Part(text: task.task, font: TimelineDiagram.textFont, className: "d-text"),
            CardLayout.Part(text: meta, font: TimelineDiagram.metaFont, className: diagram.isLate(task) ? "d-text d-late-text" : "d-text d-muted"),
        ]
        let (lines, labelHeight) = CardLayout.measure(parts, width: labelWidth)
        let label = Rect(x: Style.margin, y: top, width: labelWidth, height: wide ? max(labelHeight, 30) : labelHeight)
        let stripHeight = min(label.height, 28)
        let strip = wide
            ? Rect(x: chartLeft, y: label.midY - stripHeight / 2, width: chartRight - chartLeft, height: stripHeight)
            : Rect(x: chartLeft, y: label.maxY, width: chartRight - chartLeft, height: Self.stripHeight)
        var items: [Item] = [
            .shape(outline: .rect(Rect(x: x(diagram.start), y: strip.y + 2, width: x(diagram.end) - x(diagram.start), height: strip.height - 4), radius: 2), className: "d-window"),
            .shape(outline: .rect(Rect(x: x(diagram.bufferStart), y: strip.y + 2, width: x(diagram.end) - x(diagram.bufferStart), height: strip.height - 4), radius: 0), className: "d-buffer"),
        ]
        for date in ticks {
            items.append(Draw.line([Point(x: x(date), y: strip.y + 2), Point(x: x(date), y: strip.maxY - 2)], className: "d-rule"))
        }
        if let due = task.due {
            let point = Point(x: x(due), y: strip.midY)
            items.append(Draw.line([Point(x: x(diagram.range.first), y: point.y), point], className: "d-track"))
            let size = 6.0
            let diamond = [
                Point(x: point.x, y: point.y - size), Point(x: point.x + size, y: point.y), Point(x: point.x, y: point.y + size),
                Point(x: point.x - size, y: point.y),
            ]
            items.append(.mark(outline: .polygon(diamond), className: diagram.isLate(task) ? "d-milestone d-late" : "d-milestone"))
        }
        items.append(CardLayout.node(parts, lines: lines, in: label, className: "d-row", leftAligned: true))
        return (items, max(strip.maxY, label.maxY))
    }

    /// What the shading means: the window, the buffer and (when any task is) late.
    private func legend(top: Double) -> (items: [Item], bottom: Double) {
        var keys: [(String, String)] = [
            ("Engagement: \(diagram.start) to the promised \(diagram.end)", "d-window d-key"),
            ("Buffer: the last \(diagram.bufferDays) \(diagram.bufferDays == 1 ? "day" : "days") before the promised date", "d-buffer d-key"),
        ]
        if diagram.dated.contains(where: diagram.isLate) { keys.append(("Due inside the buffer or later", "d-late-key d-key")) }
        let gap = 8.0
        let columns = wide ? keys.count : 1
        let keyWidth = (width - 2 * Style.margin - Double(columns - 1) * gap) / Double(columns)
        let wrapped = keys.map { Draw.wrap($0.0, boxWidth: keyWidth, font: TimelineDiagram.metaFont) }
        let height = Draw.boxHeight(lines: wrapped.map(\.count).max() ?? 1, font: TimelineDiagram.metaFont)
        var items: [Item] = []
        for (index, key) in keys.enumerated() {
            let column = index % columns
            let row = index / columns
            let rect = Rect(x: Style.margin + Double(column) * (keyWidth + gap), y: top + Double(row) * (height + gap), width: keyWidth, height: height)
            items.append(Draw.box(rect, lines: wrapped[index], font: TimelineDiagram.metaFont, className: key.1))
        }
        let rows = (keys.count + columns - 1) / columns
        return (items, top + Double(rows) * height + Double(rows - 1) * gap)
    }
}

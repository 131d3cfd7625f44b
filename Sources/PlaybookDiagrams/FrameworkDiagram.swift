internal import PlaybookModel

/// `kind: framework`: the framework's steps from `content/framework.yml`, each with its question,
/// joined by arrows with a loop back from the last to the first, standing on the behaviours.
/// The spec holds only a title, so the diagram follows the file.
struct FrameworkDiagram: Diagram {
    /// One step card.
    struct Card: Hashable, Sendable {
        var title: String
        var question: String
    }

    var title: String
    var description: String?
    var cards: [Card]
    var behaviours: [String]
    var kind: String { "framework" }

    static let keys = ["kind", "title", "description"]
    static let questionFont = Style.small

    /// Reads a framework spec; `nil` when the title is missing or the site has no framework.
    static func read(_ reader: inout SpecReader, framework: Framework?) -> FrameworkDiagram? {
        reader.checkKeys(known: keys)
        let title = reader.text("title", required: true, hint: "add 'title: …': it names the diagram for screen readers")
        let description = reader.text("description", required: false)
        guard let framework, !framework.steps.isEmpty else {
            reader.error(
                at: reader.fence, "a framework diagram needs the site's framework, and there is none",
                hint: "add content/framework.yml with 'steps' and 'behaviours', or draw the steps with 'kind: cycle'")
            return nil
        }
        guard let title else { return nil }
        let cards = framework.steps.map { Card(title: TextMetrics.normalize($0.title), question: TextMetrics.normalize($0.question)) }
        let behaviours = framework.behaviours.map { TextMetrics.normalize($0.title) }
        return FrameworkDiagram(title: title, description: description, cards: cards, behaviours: behaviours)
    }

    var summary: String {
        if let description { return description }
        var text = "The framework's \(cards.count) steps in order, the last leading back to the first: "
        text += cards.map { "\($0.title): \($0.question)" }.joined(separator: " Then ")
        if !behaviours.isEmpty { text += " The steps stand on \(behaviours.count) behaviours: " + DiagramSpec.list(behaviours) + "." }
        return text
    }

    func canvas(width: Double) -> Canvas {
        width >= Style.wideWidth ? row(width: width) : stack(width: width)
    }

    /// The cards side by side, the loop back running under them.
    private func row(width: Double) -> Canvas {
        let margin = Style.margin
        let words = Draw.widthForWords(cards.map(\.title), font: Style.heading, minimum: 130) + Style.arrowGap
        let column = max((width - 2 * margin) / Double(cards.count), words)
        let canvasWidth = max(width, (2 * margin + Double(cards.count) * column).rounded(.up))
        let cardWidth = column - Style.arrowGap
        let titles = cards.map { Draw.wrap($0.title, boxWidth: cardWidth, font: Style.heading) }
        let questions = cards.map { Draw.wrap($0.question, boxWidth: cardWidth, font: Self.questionFont) }
        let titleHeight = Style.heading.height(lines: titles.map(\.count).max() ?? 1)
        let questionHeight = Self.questionFont.height(lines: questions.map(\.count).max() ?? 1)
        let cardHeight = 2 * Style.padY + titleHeight + 6 + questionHeight
        let rects = cards.indices.map {
            Rect(x: margin + Double($0) * column + Style.arrowGap / 2, y: margin, width: cardWidth, height: cardHeight)
        }
        var items: [Item] = []
        for index in rects.indices.dropLast() {
            items.append(Draw.arrow([Point(x: rects[index].maxX, y: rects[index].midY), Point(x: rects[index + 1].x, y: rects[index + 1].midY)]))
        }
        var bottom = margin + cardHeight
        if let first = rects.first, let last = rects.last, rects.count > 1 {
            let loopY = bottom + 20
            items.append(
                Draw.arrow(
                    [Point(x: last.midX, y: last.maxY), Point(x: last.midX, y: loopY), Point(x: first.midX, y: loopY), Point(x: first.midX, y: first.maxY)],
                    className: "d-arrow d-return"))
            bottom = loopY + 1
        }
        for index in rects.indices {
            items.append(card(rects[index], title: titles[index], question: questions[index], titleHeight: titleHeight))
        }
        return finish(items: items, width: canvasWidth, below: bottom, minimumCell: 120)
    }

    /// The cards one under the other, the loop back running up their right-hand side.
    private func stack(width: Double) -> Canvas {
        let margin = Style.margin
        let gutter = 26.0
        let canvasWidth = max(width, (2 * margin + gutter + Draw.widthForWords(cards.map(\.title), font: Style.heading, minimum: 0)).rounded(.up))
        let cardWidth = canvasWidth - 2 * margin - gutter
        var items: [Item] = []
        var rects: [Rect] = []
        var cardItems: [Item] = []
        var top = margin
        for card in cards {
            let title = Draw.wrap(card.title, boxWidth: cardWidth, font: Style.heading)
            let question = Draw.wrap(card.question, boxWidth: cardWidth, font: Self.questionFont)
            let titleHeight = Style.heading.height(lines: title.count)
            let height = 2 * Style.padY + titleHeight + 6 + Self.questionFont.height(lines: question.count)
            let rect = Rect(x: margin, y: top, width: cardWidth, height: height)
            rects.append(rect)
            cardItems.append(self.card(rect, title: title, question: question, titleHeight: titleHeight))
            top += height + Style.arrowGap - 4
        }
        for index in rects.indices.dropLast() {
            items.append(Draw.arrow([Point(x: rects[index].midX, y: rects[index].maxY), Point(x: rects[index + 1].midX, y: rects[index + 1].y)]))
        }
        if let first = rects.first, let last = rects.last, rects.count > 1 {
            let side = first.maxX + gutter / 2
            items.append(
                Draw.arrow(
                    [Point(x: last.maxX, y: last.midY), Point(x: side, y: last.midY), Point(x: side, y: first.midY), Point(x: first.maxX, y: first.midY)],
                    className: "d-arrow d-return"))
        }
        return finish(items: items + cardItems, width: canvasWidth, below: rects.last?.maxY ?? margin, minimumCell: 120)
    }

    /// A step card: its title at the top, its question under it (questions start on one line
    /// across the row, after the tallest title).
    private func card(_ rect: Rect, title: [String], question: [String], titleHeight: Double) -> Item {
        let titleTop = rect.y + Style.padY
        let questionTop = titleTop + titleHeight + 6
        let titleBlock = TextBlock(
            lines: title, center: Point(x: rect.midX, y: titleTop + Style.heading.height(lines: title.count) / 2), font: Style.heading,
            className: "d-text d-heading")
        let questionBlock = TextBlock(
            lines: question, center: Point(x: rect.midX, y: questionTop + Self.questionFont.height(lines: question.count) / 2),
            font: Self.questionFont, className: "d-text d-muted")
        return .node(outline: .rect(rect, radius: Style.radius), className: "d-box d-step", labels: [titleBlock, questionBlock])
    }

    /// Adds the behaviours band under `below` and sizes the canvas.
    private func finish(items: [Item], width: Double, below: Double, minimumCell: Double) -> Canvas {
        var items = items
        var bottom = below
        if !behaviours.isEmpty {
            let band = FoundationBand.layout(
                behaviours, x: Style.margin, y: bottom + 18, width: width - 2 * Style.margin, minimumCell: minimumCell)
            items += band.items
            bottom += 18 + band.height
        }
        return Canvas(width: width, height: (bottom + Style.margin).rounded(.up), items: items)
    }
}

/// Cards (boxes holding one or more stacked labels, such as a step's title and its question) in
/// order with arrows between them: side by side for wide drawings, one under the other for narrow
/// ones, optionally with an arrow from the last back to the first to close a cycle.
struct CardLayout {
    /// One label of a card.
    struct Part: Hashable, Sendable {
        var text: String
        var font: Font
        var className: String
    }

    /// The cards, each a list of parts from top to bottom.
    var cards: [[Part]]
    /// True to draw the arrow from the last card back to the first.
    var loop: Bool
    /// The CSS class of the cards' boxes.
    var boxClass = "d-box d-step"
    /// A class per card, overriding `boxClass` (empty: all cards use `boxClass`).
    var boxClasses: [String] = []
    /// A class per arrow between neighbours (empty: all use `d-arrow`).
    var arrowClasses: [String] = []

    /// Space between two parts of a card.
    static let partGap = 6.0
    /// Room on the right of a stack for the arrow back to the top.
    static let gutter = 26.0

    /// The cards side by side starting at `top`, centred in `width` (made wider when the longest
    /// words need it), each at most `maximum` wide. Returns the items, the lowest point drawn and
    /// the width used.
    func row(width: Double, top: Double, minimum: Double, maximum: Double) -> (items: [Item], bottom: Double, width: Double) {
        let margin = Style.margin
        let words = widthForWords(minimum: minimum) + Style.arrowGap
        let column = min(max((width - 2 * margin) / Double(cards.count), words), max(words, maximum + Style.arrowGap))
        let canvasWidth = max(width, (2 * margin + Double(cards.count) * column).rounded(.up))
        let cardWidth = column - Style.arrowGap
        let lines = wrap(width: cardWidth)
        // Parts line up across the row: each part is as tall as the tallest of its kind.
        let partHeights = (0..<(cards.map(\.count).max() ?? 0)).map { part in
            lines.indices.compactMap { card -> Double? in
                guard part < lines[card].count else { return nil }
                return cards[card][part].font.height(lines: lines[card][part].count)
            }.max() ?? 0
        }
        let height = 2 * Style.padY + partHeights.reduce(0, +) + Self.partGap * Double(max(partHeights.count - 1, 0))
        let left = (canvasWidth - Double(cards.count) * column) / 2
        let rects = cards.indices.map {
            Rect(x: left + Double($0) * column + Style.arrowGap / 2, y: top, width: cardWidth, height: height)
        }
        var items: [Item] = []
        for index in rects.indices.dropLast() {
            items.append(
                Draw.arrow(
                    [Point(x: rects[index].maxX, y: rects[index].midY), Point(x: rects[index + 1].x, y: rects[index + 1].midY)],
                    className: arrowClass(index)))
        }
        var bottom = top + height
        if loop, let first = rects.first, let last = rects.last, rects.count > 1 {
            let loopY = bottom + 20
            items.append(
                Draw.arrow(
                    [Point(x: last.midX, y: last.maxY), Point(x: last.midX, y: loopY), Point(x: first.midX, y: loopY), Point(x: first.midX, y: first.maxY)],
                    className: "d-arrow d-return"))
            bottom = loopY + 1
        }
        for index in rects.indices {
            items.append(card(index, in: rects[index], lines: lines[index], partHeights: partHeights))
        }
        return (items, bottom, canvasWidth)
    }

    /// The cards one under the other starting at `top`, as wide as `width` allows (wider when the
    /// longest words need it), the loop back running up the right-hand side.
    func stack(width: Double, top: Double) -> (items: [Item], bottom: Double, width: Double) {
        let margin = Style.margin
        let gutter = loop ? Self.gutter : 0
        let canvasWidth = max(width, (2 * margin + gutter + widthForWords(minimum: 0)).rounded(.up))
        let cardWidth = canvasWidth - 2 * margin - gutter
        let lines = wrap(width: cardWidth)
        var rects: [Rect] = []
        var y = top
        for card in lines.indices {
            let heights = lines[card].indices.map { cards[card][$0].font.height(lines: lines[card][$0].count) }
            let height = 2 * Style.padY + heights.reduce(0, +) + Self.partGap * Double(max(heights.count - 1, 0))
            rects.append(Rect(x: margin, y: y, width: cardWidth, height: height))
            y += height + Style.arrowGap - 4
        }
        var items: [Item] = []
        for index in rects.indices.dropLast() {
            items.append(
                Draw.arrow(
                    [Point(x: rects[index].midX, y: rects[index].maxY), Point(x: rects[index + 1].midX, y: rects[index + 1].y)],
                    className: arrowClass(index)))
        }
        if loop, let first = rects.first, let last = rects.last, rects.count > 1 {
            let side = first.maxX + gutter / 2
            items.append(
                Draw.arrow(
                    [Point(x: last.maxX, y: last.midY), Point(x: side, y: last.midY), Point(x: side, y: first.midY), Point(x: first.maxX, y: first.midY)],
                    className: "d-arrow d-return"))
        }
        for index in rects.indices {
            let heights = lines[index].indices.map { cards[index][$0].font.height(lines: lines[index][$0].count) }
            items.append(card(index, in: rects[index], lines: lines[index], partHeights: heights))
        }
        return (items, rects.last?.maxY ?? top, canvasWidth)
    }

    /// A card's box with its parts stacked from the top, each part in a slot `partHeights` tall.
    private func card(_ index: Int, in rect: Rect, lines: [[String]], partHeights: [Double]) -> Item {
        var labels: [TextBlock] = []
        var y = rect.y + Style.padY
        for (part, partLines) in lines.enumerated() {
            let font = cards[index][part].font
            // A lone label sits in the middle of its card; stacked parts start at the top of their slots.
            let middle = lines.count == 1 ? (rect.height - 2 * Style.padY) / 2 : font.height(lines: partLines.count) / 2
            let center = Point(x: rect.midX, y: y + middle)
            labels.append(TextBlock(lines: partLines, center: center, font: font, className: cards[index][part].className))
            y += partHeights[part] + Self.partGap
        }
        let className = index < boxClasses.count ? boxClasses[index] : boxClass
        return .node(outline: .rect(rect, radius: Style.radius), className: className, labels: labels)
    }

    private func arrowClass(_ index: Int) -> String {
        index < arrowClasses.count ? arrowClasses[index] : "d-arrow"
    }

    /// The parts of one card wrapped to fit a card `width` wide, and the card's height.
    static func measure(_ parts: [Part], width: Double) -> (lines: [[String]], height: Double) {
        let lines = parts.map { Draw.wrap($0.text, boxWidth: width, font: $0.font) }
        let heights = parts.indices.map { parts[$0].font.height(lines: lines[$0].count) }
        return (lines, 2 * Style.padY + heights.reduce(0, +) + partGap * Double(max(parts.count - 1, 0)))
    }

    /// A card at `rect` with `parts` (wrapped as `lines`) stacked from its top, centred on the
    /// card or, with `leftAligned`, starting at its left padding.
    static func node(_ parts: [Part], lines: [[String]], in rect: Rect, className: String, leftAligned: Bool = false) -> Item {
        let content = parts.indices.map { parts[$0].font.height(lines: lines[$0].count) }
        var y = rect.y + (rect.height - content.reduce(0, +) - partGap * Double(max(parts.count - 1, 0))) / 2
        var labels: [TextBlock] = []
        for index in parts.indices {
            let center = Point(x: rect.midX, y: y + content[index] / 2)
            labels.append(
                TextBlock(
                    lines: lines[index], center: center, font: parts[index].font, className: parts[index].className,
                    left: leftAligned ? rect.x + Style.padX : nil))
            y += content[index] + partGap
        }
        return .node(outline: .rect(rect, radius: Style.radius), className: className, labels: labels)
    }

    private func wrap(width: Double) -> [[[String]]] {
        cards.map { parts in parts.map { Draw.wrap($0.text, boxWidth: width, font: $0.font) } }
    }

    private func widthForWords(minimum: Double) -> Double {
        cards.flatMap { $0 }.map { Draw.widthForWords([$0.text], font: $0.font, minimum: minimum) }.max() ?? minimum
    }
}

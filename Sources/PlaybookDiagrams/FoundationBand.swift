/// A band of labelled cells that a diagram stands on (the behaviours under the framework's steps),
/// laid out in as many columns as fit and rows balanced so the last row is not left nearly empty.
enum FoundationBand {
    /// The cells' font.
    static let font = Style.small
    /// Space between the band's edge and its cells.
    static let padding = 8.0
    /// Space between two cells.
    static let gap = 6.0
    /// The widest a cell grows when there is room to spare.
    static let maximumCell = 220.0

    /// The band and its cells inside `width` units starting at (`x`, `y`), and the band's height.
    static func layout(_ labels: [String], x: Double, y: Double, width: Double, minimumCell: Double) -> (items: [Item], height: Double) {
        guard !labels.isEmpty else { return ([], 0) }
        let inner = width - 2 * padding
        let cell = min(inner, Draw.widthForWords(labels, font: font, minimum: minimumCell))
        let fit = max(1, Int((inner + gap) / (cell + gap)))
        let rows = (labels.count + fit - 1) / fit
        let columns = (labels.count + rows - 1) / rows
        let cellWidth = min((inner - Double(columns - 1) * gap) / Double(columns), max(cell, maximumCell))
        let lines = labels.map { Draw.wrap($0, boxWidth: cellWidth, font: font) }
        let cellHeight = Draw.boxHeight(lines: lines.map(\.count).max() ?? 1, font: font)
        let height = 2 * padding + Double(rows) * cellHeight + Double(rows - 1) * gap
        var items: [Item] = [.shape(outline: .rect(Rect(x: x, y: y, width: width, height: height), radius: Style.radius), className: "d-band")]
        for row in 0..<rows {
            let first = row * columns
            let count = min(columns, labels.count - first)
            let used = Double(count) * cellWidth + Double(count - 1) * gap
            let left = x + padding + (inner - used) / 2
            let top = y + padding + Double(row) * (cellHeight + gap)
            for column in 0..<count {
                let rect = Rect(x: left + Double(column) * (cellWidth + gap), y: top, width: cellWidth, height: cellHeight)
                items.append(Draw.box(rect, lines: lines[first + column], font: font, className: "d-cell"))
            }
        }
        return (items, height)
    }
}

/// The two layouts of a traceability diagram: three columns (promises, tasks, outcomes) on a
/// wide screen, and each promise followed by its tasks and outcomes on a phone.
extension TraceabilityDiagram {
    /// Space between two boxes in a column, and inside a group's band.
    static let gap = 8.0
    /// Room for the arrows between two columns.
    static let columnGap = 36.0

    /// Promises, tasks and outcomes in three columns under headings, one band per promise.
    func columns(width: Double) -> Canvas {
        let margin = Style.margin
        let widths = [190.0, 250.0, 180.0]
        let used = widths.reduce(0, +) + 2 * Self.columnGap
        let left = margin + max(0, (width - 2 * margin - used) / 2)
        let xs = [left, left + widths[0] + Self.columnGap, left + widths[0] + widths[1] + 2 * Self.columnGap]
        var items: [Item] = []
        let headings = ["Promises", "Tasks", "Outcomes"]
        let headingHeight = Draw.boxHeight(lines: 1, font: Style.smallBold)
        for (index, heading) in headings.enumerated() {
            let rect = Rect(x: xs[index], y: margin, width: widths[index], height: headingHeight)
            items.append(Draw.box(rect, lines: Draw.wrap(heading, boxWidth: rect.width, font: Style.smallBold), font: Style.smallBold, className: "d-lane-head", textClass: "d-text d-lane-name"))
        }
        var top = margin + headingHeight + Self.gap
        for group in groups {
            let head = place([group.head], x: xs[0], top: top + Self.gap, width: widths[0])
            let tasks = place(group.tasks, x: xs[1], top: top + Self.gap, width: widths[1])
            let outcomes = place(group.outcomes, x: xs[2], top: top + Self.gap, width: widths[2])
            let bottom = ([head, tasks, outcomes].flatMap { $0 }.map(\.rect.maxY).max() ?? top) + Self.gap
            items.append(.shape(outline: .rect(Rect(x: margin, y: top, width: width - 2 * margin, height: bottom - top), radius: Style.radius), className: "d-lane"))
            if group.linked, let promise = head.first?.rect {
                items += branch(from: promise, to: tasks.map(\.rect), broken: group.tasks.map(\.isBroken))
                items += merge(tasks.map(\.rect), into: outcomes.map(\.rect), broken: group.tasks.map(\.isBroken) + group.outcomes.map(\.isBroken))
            }
            items += (head + tasks + outcomes).map(\.item)
            top = bottom + Self.gap
        }
        return Canvas(width: width, height: (top - Self.gap + margin).rounded(.up), items: items)
    }

    /// Each promise across the width, its tasks and outcomes indented under it on a spine.
    func stacked(width: Double) -> Canvas {
        let margin = Style.margin
        let indent = 40.0
        var items: [Item] = []
        var top = margin
        for group in groups {
            let inner = width - 2 * margin - 2 * Self.gap
            let head = place([group.head], x: margin + Self.gap, top: top + Self.gap, width: inner)
            let below = (head.last?.rect.maxY ?? top) + Self.gap + 6
            let children = place(group.tasks + group.outcomes, x: margin + Self.gap + indent, top: below, width: inner - indent)
            let bottom = ([head, children].flatMap { $0 }.map(\.rect.maxY).max() ?? top) + Self.gap
            items.append(.shape(outline: .rect(Rect(x: margin, y: top, width: width - 2 * margin, height: bottom - top), radius: Style.radius), className: "d-lane"))
            if group.linked, let promise = head.first?.rect, let last = children.last?.rect {
                let spine = margin + Self.gap + indent / 2
                items.append(Draw.line([Point(x: spine, y: promise.maxY), Point(x: spine, y: last.midY)], className: "d-arrow"))
                for (child, card) in zip(children.map(\.rect), group.tasks + group.outcomes) {
                    items.append(Draw.arrow([Point(x: spine, y: child.midY), Point(x: child.x, y: child.midY)], className: arrowClass(card.isBroken)))
                }
            }
            items += (head + children).map(\.item)
            top = bottom + Self.gap
        }
        return Canvas(width: width, height: (top - Self.gap + margin).rounded(.up), items: items)
    }

    /// Cards one under another from `top`, each as tall as its text.
    private func place(_ cards: [Card], x: Double, top: Double, width: Double) -> [(rect: Rect, item: Item)] {
        var y = top
        return cards.map { card in
            let (lines, height) = CardLayout.measure(card.parts, width: width)
            let rect = Rect(x: x, y: y, width: width, height: height)
            y += height + Self.gap
            return (rect, CardLayout.node(card.parts, lines: lines, in: rect, className: card.className))
        }
    }

    /// Arrows into a box that stands for a missing link are dashed like the box.
    private func arrowClass(_ broken: Bool) -> String { broken ? "d-arrow d-broken" : "d-arrow" }

    /// Arrows from one box to each of `targets` on its right, through a shared spine; an arrow
    /// into a box marked in `broken` is dashed.
    private func branch(from source: Rect, to targets: [Rect], broken: [Bool]) -> [Item] {
        guard !targets.isEmpty else { return [] }
        let spine = source.maxX + Self.columnGap / 2
        let ys = targets.map(\.midY) + [source.midY]
        var items = [Draw.line([Point(x: source.maxX, y: source.midY), Point(x: spine, y: source.midY)], className: "d-arrow")]
        if let low = ys.min(), let high = ys.max(), high > low {
            items.append(Draw.line([Point(x: spine, y: low), Point(x: spine, y: high)], className: "d-arrow"))
        }
        items += zip(targets, broken).map { Draw.arrow([Point(x: spine, y: $0.midY), Point(x: $0.x, y: $0.midY)], className: arrowClass($1)) }
        return items
    }

    /// Lines from each of `sources` into a spine, and arrows from it to each of `targets`;
    /// `broken` marks sources, then targets, that stand for missing links.
    private func merge(_ sources: [Rect], into targets: [Rect], broken: [Bool]) -> [Item] {
        guard let first = sources.first, !targets.isEmpty else { return [] }
        let spine = first.maxX + Self.columnGap / 2
        var items = zip(sources, broken).map {
            Draw.line([Point(x: $0.maxX, y: $0.midY), Point(x: spine, y: $0.midY)], className: arrowClass($1))
        }
        let ys = sources.map(\.midY) + targets.map(\.midY)
        if let low = ys.min(), let high = ys.max(), high > low {
            items.append(Draw.line([Point(x: spine, y: low), Point(x: spine, y: high)], className: "d-arrow"))
        }
        items += zip(targets, broken.dropFirst(sources.count)).map {
            Draw.arrow([Point(x: spine, y: $0.midY), Point(x: $0.x, y: $0.midY)], className: arrowClass($1))
        }
        return items
    }
}

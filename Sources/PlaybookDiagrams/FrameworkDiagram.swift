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

    /// Reads a framework spec; `nil` when the title is missing or the site has no framework.
    static func read(_ reader: inout SpecReader, framework: Framework?) -> FrameworkDiagram? {
        reader.checkKeys(
            known: keys, hint: "a framework diagram draws the steps and behaviours of content/framework.yml; its spec has only kind, title and description")
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
        if !behaviours.isEmpty {
            text += " The steps stand on \(behaviours.count == 1 ? "one behaviour" : "\(behaviours.count) behaviours"): "
            text += DiagramSpec.list(behaviours) + "."
        }
        return text
    }

    func canvas(width: Double) -> Canvas {
        let layout = CardLayout(
            cards: cards.map {
                [
                    CardLayout.Part(text: $0.title, font: Style.heading, className: "d-text d-heading"),
                    CardLayout.Part(text: $0.question, font: Style.small, className: "d-text d-muted"),
                ]
            }, loop: true)
        let drawn = width >= Style.wideWidth
            ? layout.row(width: width, top: Style.margin, minimum: 130, maximum: 220) : layout.stack(width: width, top: Style.margin)
        var canvas = Canvas(width: drawn.width, height: 0, items: drawn.items)
        var bottom = drawn.bottom
        if !behaviours.isEmpty {
            let band = FoundationBand.layout(
                behaviours, x: Style.margin, y: bottom + 18, width: drawn.width - 2 * Style.margin, minimumCell: 120)
            canvas.items += band.items
            bottom += 18 + band.height
        }
        canvas.height = (bottom + Style.margin).rounded(.up)
        return canvas
    }
}

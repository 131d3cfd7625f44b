internal import PlaybookDiagnostics
/// Writes a laid-out diagram as an SVG string: every label escaped, every number in one stable
/// format, colours left to the stylesheet (with `currentColor` fallbacks), no ids and no scripts.
enum SVGWriter {
    /// The `font-family` the diagrams are measured for (the site's body font, see `TextMetrics`).
    static let fontFamily = "system-ui, sans-serif"

    /// The `<svg>` element for `canvas`, with `title` and `description` as `<title>` and `<desc>`.
    static func svg(_ canvas: Canvas, title: String, description: String, className: String) -> String {
        var out = "<svg class=\"\(escape(className))\" role=\"img\" viewBox=\"0 0 \(number(canvas.width)) "
        out += "\(number(canvas.height))\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"\(fontFamily)\">\n"
        out += "<title>\(escape(title))</title>\n<desc>\(escape(description))</desc>\n"
        for item in canvas.items { out += element(item) + "\n" }
        out += "</svg>"
        return out
    }

    private static func element(_ item: Item) -> String {
        switch item {
        case .node(let outline, let className, let labels):
            let shape = self.shape(outline, className: className, fallback: "fill=\"none\" stroke=\"currentColor\"")
            return "<g class=\"d-node\">" + shape + labels.map(text).joined() + "</g>"
        case .shape(let outline, let className):
            return shape(outline, className: className, fallback: "fill=\"none\" stroke=\"none\"")
        case .mark(let outline, let className):
            return shape(outline, className: className, fallback: "fill=\"currentColor\"")
        case .connector(let path, let head, let className):
            var out = "<g class=\"\(escape(className))\">"
            out += "<path d=\"\(pathData(path))\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>"
            if !head.isEmpty {
                out += "<polygon points=\"\(points(head))\" fill=\"currentColor\"/>"
            }
            return out + "</g>"
        }
    }

    private static func shape(_ outline: Outline, className: String, fallback: String) -> String {
        switch outline {
        case .rect(let rect, let radius):
            var out = "<rect class=\"\(escape(className))\" x=\"\(number(rect.x))\" y=\"\(number(rect.y))\" "
            out += "width=\"\(number(rect.width))\" height=\"\(number(rect.height))\""
            if radius > 0 { out += " rx=\"\(number(radius))\"" }
            return out + " \(fallback)/>"
        case .polygon(let corners):
            return "<polygon class=\"\(escape(className))\" points=\"\(points(corners))\" \(fallback)/>"
        }
    }

    /// A `<text>` with one `<tspan>` per line, each line's baseline placed so the block is centred.
    private static func text(_ block: TextBlock) -> String {
        let font = block.font
        let top = block.center.y - font.height(lines: block.lines.count) / 2
        let x = number(block.left ?? block.center.x)
        let anchor = block.left == nil ? "middle" : "start"
        var out = "<text class=\"\(escape(block.className))\" text-anchor=\"\(anchor)\" font-size=\"\(number(font.size))\""
        if font.bold { out += " font-weight=\"700\"" }
        out += " fill=\"currentColor\">"
        for (index, line) in block.lines.enumerated() {
            let baseline = top + (Double(index) + 0.5) * font.lineHeight + 0.35 * font.size
            out += "<tspan x=\"\(x)\" y=\"\(number(baseline))\">\(escape(line))</tspan>"
        }
        return out + "</text>"
    }

    private static func pathData(_ steps: [PathStep]) -> String {
        steps.map { step in
            switch step {
            case .move(let p): "M\(number(p.x)) \(number(p.y))"
            case .line(let p): "L\(number(p.x)) \(number(p.y))"
            case .arc(let rx, let ry, let large, let clockwise, let p):
                "A\(number(rx)) \(number(ry)) 0 \(large ? 1 : 0) \(clockwise ? 1 : 0) \(number(p.x)) \(number(p.y))"
            }
        }.joined(separator: " ")
    }

    private static func points(_ points: [Point]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }

    /// A number rounded to one decimal, without a trailing `.0`, the same on every machine and locale.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        if magnitude % 10 == 0 { return "\(sign)\(magnitude / 10)" }
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// Text made safe for both element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        // Control characters are not allowed in XML and mean nothing in a label.
        guard text.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 }) else { return escapeHTML(text) }
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            clean.append(scalar.value < 32 || scalar.value == 127 ? " " : scalar)
        }
        return escapeHTML(String(clean))
    }
}

import Foundation
import Testing

/// `templates/assets/highlight.css`: every token colour, in every scheme, readable on the code
/// background (WCAG AA, 4.5:1), and a colour for each class the highlighter writes.
@Suite struct HighlightStylesheetTests {
    static let css: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("templates/assets/highlight.css"), encoding: .utf8)) ?? ""
    }()

    /// `--code-*: #rrggbb` (or `#rgb`) declarations of the block that starts at `selector`.
    static func colours(after selector: String) -> [String: String] {
        guard let start = css.range(of: selector), let open = css[start.lowerBound...].firstIndex(of: "{"),
            let close = css[open...].firstIndex(of: "}")
        else { return [:] }
        var result: [String: String] = [:]
        for declaration in css[css.index(after: open)..<close].split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if parts.count == 2, parts[0].hasPrefix("--code-") { result[parts[0]] = parts[1] }
        }
        return result
    }

    static func luminance(_ hex: String) -> Double {
        var digits = Array(hex.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16) ?? 0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test(arguments: [
        (":root {", "#f3f5f9"), (":root:not([data-theme=\"light\"]) {", "#1d212a"), (":root[data-theme=\"dark\"] {", "#1d212a"),
        (":root, :root[data-theme=\"dark\"], :root:not([data-theme=\"light\"]) {", "#ffffff"),
    ])
    func everyColourMeetsAA(selector: String, background: String) {
        let colours = Self.colours(after: selector)
        #expect(colours.count == 11, "\(selector) sets \(colours.count) colours")
        for (name, colour) in colours {
            #expect(Self.contrast(colour, background) >= 4.5, "\(name) \(colour) on \(background)")
        }
    }

    @Test(arguments: ["keyword", "type", "string", "comment", "number", "function", "variable", "attr", "meta", "inserted", "deleted"])
    func everyTokenClassHasAColour(token: String) {
        #expect(Self.css.contains(".hl-\(token) { color: var(--code-\(token));"))
    }
}

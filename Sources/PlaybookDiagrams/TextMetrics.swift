/// A font as the diagrams use it: a size in SVG user units and a weight.
struct Font: Hashable, Sendable {
    /// The size in user units (one unit is one CSS pixel when the diagram is shown at its natural size).
    var size: Double
    /// True for bold (weight 700).
    var bold: Bool = false

    /// The distance between two baselines of a wrapped label.
    var lineHeight: Double { (size * 1.25).rounded() }

    /// The height of `lines` lines of text.
    func height(lines: Int) -> Double { Double(lines) * lineHeight }
}

/// Estimates how wide text will be, deterministically and without a font file, so labels can be
/// wrapped at build time.
///
/// The widths are per character, in thousandths of an em: for each printable ASCII character the
/// larger of DejaVu Sans (what `system-ui` falls back to on most Linux machines, and one of the
/// widest common sans-serif faces) and Liberation Sans (Arial's metrics). Measuring against the
/// wider face keeps an estimate on the safe side for the narrower system fonts of macOS, Windows,
/// iOS and Android. Other characters use a generous default.
enum TextMetrics {
    private static let regular: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
        636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 556, 1015, 684, 686, 722, 770, 667, 611, 778,
        752, 295, 500, 667, 557, 863, 748, 787, 667, 787, 722, 667, 611, 732, 684, 989, 685, 667, 685, 390,
        337, 390, 838, 556, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]
    private static let bold: [Int] = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696,
        696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 762, 734, 830, 683, 683, 821,
        837, 372, 556, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457,
        365, 457, 838, 556, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ]

    /// A character's advance in thousandths of an em.
    static func advance(of scalar: Unicode.Scalar, bold isBold: Bool) -> Int {
        let value = Int(scalar.value)
        if value >= 32, value < 127 { return (isBold ? bold : regular)[value - 32] }
        if value < 0x300 { return isBold ? 800 : 760 }  // Latin letters with accents, symbols
        if value >= 0x300, value < 0x370 { return 0 }  // combining marks sit on the previous letter
        if value < 0x2E80 { return isBold ? 1050 : 1000 }  // other scripts, dashes, arrows, quotes
        return 1100  // wide East Asian characters and emoji
    }

    /// The estimated width of `text` in user units.
    static func width(_ text: String, font: Font) -> Double {
        Double(units(text, bold: font.bold)) * font.size / 1000
    }

    /// The sum of the advances of `text`'s scalars, in thousandths of the font size. Widths add
    /// up, so wrapping keeps running sums instead of measuring each longer line again (which made
    /// a label of thousands of words take minutes).
    static func units(_ text: some StringProtocol, bold: Bool) -> Int {
        text.unicodeScalars.reduce(0) { $0 + advance(of: $1, bold: bold) }
    }

    /// The widest of `lines`.
    static func width(lines: [String], font: Font) -> Double {
        lines.map { width($0, font: font) }.max() ?? 0
    }

    /// The width of the widest unbreakable piece of `text`, so a box can be made wide enough that no
    /// word has to be cut.
    static func longestWord(_ text: String, font: Font) -> Double {
        words(text).flatMap(hyphenParts).map { width($0, font: font) }.max() ?? 0
    }

    /// `text` with runs of white space (and control characters) made single spaces.
    static func normalize(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// Wraps `text` into lines no wider than `maxWidth`: greedily by words, breaking after a hyphen
    /// when a word alone is too wide, and cutting a word between characters only as a last resort.
    static func wrap(_ text: String, width maxWidth: Double, font: Font) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineUnits = 0
        func fits(_ units: Int) -> Bool { Double(units) * font.size / 1000 <= maxWidth }
        let space = advance(of: " ", bold: font.bold)
        for word in words(text) {
            let wordUnits = units(word, bold: font.bold)
            let joinedUnits = line.isEmpty ? wordUnits : lineUnits + space + wordUnits
            if fits(joinedUnits) {
                if !line.isEmpty { line += " " }
                line += word
                lineUnits = joinedUnits
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            lineUnits = 0
            for piece in pieces(of: word, maxWidth: maxWidth, font: font) {
                let pieceUnits = units(piece, bold: font.bold)
                if fits(lineUnits + pieceUnits) {
                    line += piece
                    lineUnits += pieceUnits
                } else {
                    if !line.isEmpty { lines.append(line) }
                    line = piece
                    lineUnits = pieceUnits
                }
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.allSatisfy { $0.value < 32 || $0.value == 127 } })
            .map(String.init)
    }

    /// A word split after each hyphen: `Kick-off` → `Kick-`, `off`.
    private static func hyphenParts(_ word: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for character in word {
            current.append(character)
            if character == "-", current.count > 1 { parts.append(current); current = "" }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// A word that is too wide split into pieces that fit: at hyphens, then between characters.
    private static func pieces(of word: String, maxWidth: Double, font: Font) -> [String] {
        var result: [String] = []
        for part in hyphenParts(word) {
            if width(part, font: font) <= maxWidth {
                result.append(part)
                continue
            }
            var chunk = ""
            var chunkUnits = 0
            for character in part {
                let characterUnits = units(String(character), bold: font.bold)
                if !chunk.isEmpty, Double(chunkUnits + characterUnits) * font.size / 1000 > maxWidth {
                    result.append(chunk)
                    chunk = ""
                    chunkUnits = 0
                }
                chunk.append(character)
                chunkUnits += characterUnits
            }
            if !chunk.isEmpty { result.append(chunk) }
        }
        return result
    }
}

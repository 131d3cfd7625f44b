internal import Mustache

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Stands in for a long text of a page (its body, its sidebar) while the page's template
/// renders; the text is put in its place afterwards, in the one copy that makes the page.
///
/// Inside an indented block or partial (`{{$main}}` is indented in `base.mustache`),
/// swift-mustache counts the Characters of every piece it writes to see whether it is empty,
/// and the body is most of a page: counting it was a seventh of a page's template time. The
/// sidebar, tens of kilobytes on a large site, was copied twice more to mark the current page.
///
/// A marker keeps the output the same: it is not empty when the text is not, and it ends, as
/// the text must (see `canStand(for:)`), with a line break, which is what the indentation of
/// the next piece depends on. It holds NUL bytes, which neither cmark nor the sidebar's
/// template writes, and the splice happens only when the template wrote each marker once,
/// unescaped, and the page holds no other NUL byte (a value from front matter could);
/// otherwise the page renders again with the texts themselves.
final class PageMarker: MustacheCustomRenderable, MustacheParent {
    /// NUL, a byte telling the markers apart, NUL, line break; `{{x}}` would escape the middle.
    private let bytes: [UInt8]
    /// How many times a template wrote the marker.
    private var uses = 0

    /// A marker told apart from the page's other markers by `tag`, `<` or `>`.
    init(tag: Unicode.Scalar) {
        bytes = [0, UInt8(ascii: tag), 0, UInt8(ascii: "\n")]
    }

    var renderText: String {
        uses += 1
        return String(decoding: bytes, as: UTF8.self)
    }

    var isNull: Bool { false }

    /// Nothing, like the `TemplateText` it stands for.
    func child(named: String) -> Any? { nil }

    /// Whether a marker can stand for the text made of `pieces`: one whose last Character is
    /// a line break after a tag (`…</p>\n`, as cmark ends every block).
    static func canStand(for pieces: [Substring]) -> Bool {
        guard let last = pieces.last else { return false }
        return last.utf8.count >= 2 && last.utf8.suffix(2).elementsEqual(">\n".utf8)
    }

    /// `rendered` with each marker replaced by its pieces, written one after another; `nil`
    /// when a marker was not written exactly once as it is, or anything else wrote a NUL byte.
    static func splice(_ rendered: String, _ texts: [(marker: PageMarker, pieces: [Substring])]) -> String? {
        guard texts.allSatisfy({ $0.marker.uses == 1 }) else { return nil }
        var rendered = rendered
        // Where each marker is, in the order of the page.
        let found: [(offset: Int, text: Int)]? = rendered.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var found: [(offset: Int, text: Int)] = []
            var from = 0
            while from < bytes.count, let hit = memchr(base + from, 0, bytes.count - from) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard found.count < texts.count, offset + 4 <= bytes.count,
                    let text = texts.firstIndex(where: { bytes[offset..<(offset + 4)].elementsEqual($0.marker.bytes) }),
                    !found.contains(where: { $0.text == text })
                else { return nil }
                found.append((offset, text))
                from = offset + 4
            }
            return found.count == texts.count ? found : nil
        }
        guard let found else { return nil }
        let utf8 = rendered.utf8
        var html = String()
        html.reserveCapacity(utf8.count + texts.reduce(0) { $0 + $1.pieces.reduce(0) { $0 + $1.utf8.count } })
        var start = utf8.startIndex
        for (offset, text) in found {
            let markerStart = utf8.index(utf8.startIndex, offsetBy: offset)
            html += rendered[start..<markerStart]
            for piece in texts[text].pieces { html += piece }
            start = utf8.index(markerStart, offsetBy: 4)
        }
        html += rendered[start...]
        return html
    }
}

internal import Mustache

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Stands in for a page's body (`page.content`) while its template renders; the body is put in
/// its place afterwards.
///
/// Inside an indented block or partial (`{{$main}}` is indented in `base.mustache`),
/// swift-mustache counts the Characters of every piece it writes to see whether it is empty,
/// and the body is most of a page: counting it was a seventh of a page's template time.
///
/// The marker keeps the output the same: it is not empty when the body is not, and it ends,
/// as the body must (see `canStand(for:)`), with a line break, which is what the next piece's
/// indentation depends on. It holds NUL bytes, which cmark never writes, and the splice
/// happens only when the template wrote the marker once, unescaped, and the page holds no
/// other NUL byte (a value from front matter could); otherwise the page renders again with
/// the body itself.
final class BodyMarker: MustacheCustomRenderable, MustacheParent {
    private static let text = "\u{0}<\u{0}\n"
    /// How many times a template wrote the marker.
    private var uses = 0

    var renderText: String {
        uses += 1
        return Self.text
    }

    var isNull: Bool { false }

    /// Nothing, like the body's `TemplateText`.
    func child(named: String) -> Any? { nil }

    /// Whether the marker can stand for `body`: a body whose last Character is a line break
    /// after a tag (`…</p>\n`, as cmark ends every block).
    static func canStand(for body: String) -> Bool {
        body.utf8.count >= 2 && body.utf8.suffix(2).elementsEqual(">\n".utf8)
    }

    /// `rendered` with the marker replaced by `body`; `nil` when the template did not write
    /// the marker exactly once as it is, or when anything else wrote a NUL byte.
    func splice(_ body: String, into rendered: String) -> String? {
        guard uses == 1 else { return nil }
        var rendered = rendered
        let start: Int? = rendered.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            let marker = Array(Self.text.utf8)
            guard let first = memchr(base, 0, bytes.count) else { return nil }
            let offset = base.distance(to: first.assumingMemoryBound(to: UInt8.self))
            guard offset + marker.count <= bytes.count,
                bytes[offset..<(offset + marker.count)].elementsEqual(marker),
                memchr(base + offset + marker.count, 0, bytes.count - offset - marker.count) == nil
            else { return nil }
            return offset
        }
        guard let start else { return nil }
        let utf8 = rendered.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        let to = utf8.index(from, offsetBy: Self.text.utf8.count)
        var html = String()
        html.reserveCapacity(utf8.count + body.utf8.count)
        html += rendered[..<from]
        html += body
        html += rendered[to...]
        return html
    }
}

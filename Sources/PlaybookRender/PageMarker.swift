internal import Mustache

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Stands in for the body of a page while the page's template renders; the body is put in its
/// place afterwards, in the one copy that makes the page.
///
/// Inside an indented block or partial (`{{$main}}` is indented in `base.mustache`),
/// swift-mustache counts the Characters of every piece it writes to see whether it is empty,
/// and the body is most of a page: counting it was a seventh of a page's template time.
///
/// A marker keeps the output the same: it is not empty when the body is not, and it ends, as
/// the body must (see `canStand(for:)`), with a line break, which is what the indentation of
/// the next piece depends on. It holds NUL bytes, which cmark never writes, and the splice
/// happens only when the template wrote the marker once, unescaped, and the page holds no other
/// NUL byte (a value from front matter could); otherwise the page renders again with the body
/// itself.
final class PageMarker: MustacheCustomRenderable, MustacheParent {
    /// NUL, `<`, NUL, line break; `{{x}}` would escape the middle.
    private static let bytes: [UInt8] = [0, UInt8(ascii: "<"), 0, UInt8(ascii: "\n")]
    /// How many times a template wrote the marker.
    private var uses = 0

    var renderText: String {
        uses += 1
        return String(decoding: Self.bytes, as: UTF8.self)
    }

    var isNull: Bool { false }

    /// Nothing, like the `TemplateText` it stands for.
    func child(named: String) -> Any? { nil }

    /// Whether a marker can stand for `body`: one whose last Character is a line break after a
    /// tag (`…</p>\n`, as cmark ends every block).
    static func canStand(for body: String) -> Bool {
        body.utf8.count >= 2 && body.utf8.suffix(2).elementsEqual(">\n".utf8)
    }

    /// `rendered` with the marker replaced by `body`; `nil` when the marker was not written
    /// exactly once as it is, or anything else wrote a NUL byte.
    func splice(_ rendered: String, body: String) -> String? {
        guard uses == 1 else { return nil }
        var rendered = rendered
        let offset: Int? = rendered.withUTF8 { bytes in
            guard let base = bytes.baseAddress, let hit = memchr(base, 0, bytes.count) else { return nil }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let end = offset + Self.bytes.count
            guard end <= bytes.count, bytes[offset..<end].elementsEqual(Self.bytes),
                end == bytes.count || memchr(base + end, 0, bytes.count - end) == nil
            else { return nil }
            return offset
        }
        guard let offset else { return nil }
        let utf8 = rendered.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        var html = String()
        html.reserveCapacity(utf8.count + body.utf8.count)
        html += rendered[..<start]
        html += body
        html += rendered[utf8.index(start, offsetBy: Self.bytes.count)...]
        return html
    }
}

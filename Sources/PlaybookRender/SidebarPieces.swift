/// The closed sidebar as the text before the top-level entries, each entry's text and the text
/// after: a section's sidebar is these with its own top-level entry open in place of the closed
/// one, so it renders only that entry (on a site of 200 sections the other 199 were rendered
/// again for every section), and its script carries only that entry (the rest is in the one
/// script every page loads, see `SidebarScripts`).
///
/// Made only when the template reads `nav` in one section (see
/// `TemplateSet.readsOnlyAsOneSection`), and checked: the pieces must give the closed sidebar
/// back byte for byte, and a rendered entry must have the same text around it. Every piece is
/// cut between characters, so each is text of its own.
///
/// Worked out by comparing texts, not by reading the template: where an entry starts the same
/// way as the text after the entries, the cut could fall at more than one place, and any
/// that checks out gives the same sidebars.
struct SidebarPieces: Sendable {
    /// The text before the entries.
    let head: String
    /// Each top-level entry, closed, in order.
    let entries: [String]
    /// The text after the entries.
    let tail: String
    private let headBytes: [UInt8]
    private let tailBytes: [UInt8]

    /// `closed` is the sidebar with every entry closed, `entries` the sidebar rendered with one
    /// entry each (closed), `empty` with none.
    ///
    /// The head is what `empty` and `closed` start with, cut back to the start of a character
    /// (two texts can share the first byte of one), and further back after the last `>` or line
    /// break when it runs into the entries (`<ul>` then `<li>…` and `</ul>` share `<ul><`) and
    /// the pieces check out cut there: they would at either cut, but read better at this one.
    init?(closed: String, entries: [String], empty: String) {
        let empty = Array(empty.utf8)
        let whole = Array(closed.utf8)
        var common = zip(empty, whole).prefix { $0 == $1 }.count
        while common > 0, common < empty.count, empty[common] & 0xC0 == 0x80 { common -= 1 }
        let markup = empty[..<common].lastIndex { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\n") }
        for cut in [markup.map { $0 + 1 } ?? common, common] {
            if let pieces = Self(cut: cut, closed: whole, entries: entries, empty: empty) {
                self = pieces
                return
            }
        }
        return nil
    }

    /// The pieces with the head `empty`'s first `cut` bytes, when they check out.
    private init?(cut: Int, closed: [UInt8], entries: [String], empty: [UInt8]) {
        headBytes = Array(empty[..<cut])
        tailBytes = Array(empty[cut...])
        head = String(decoding: headBytes, as: UTF8.self)
        tail = String(decoding: tailBytes, as: UTF8.self)
        var fragments: [[UInt8]] = []
        for entry in entries {
            guard let fragment = Self.fragment(of: entry, head: headBytes, tail: tailBytes) else { return nil }
            fragments.append(fragment)
        }
        guard headBytes + fragments.joined() + tailBytes == closed else { return nil }
        self.entries = fragments.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The entry that `rendered` (the sidebar rendered with that entry alone) holds between the
    /// head and the tail; `nil` when the text around it differs.
    func entry(in rendered: String) -> String? {
        Self.fragment(of: rendered, head: headBytes, tail: tailBytes).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func fragment(of text: String, head: [UInt8], tail: [UInt8]) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count >= head.count + tail.count, bytes.starts(with: head),
            bytes[(bytes.count - tail.count)...].elementsEqual(tail)
        else { return nil }
        return Array(bytes[head.count..<(bytes.count - tail.count)])
    }
}

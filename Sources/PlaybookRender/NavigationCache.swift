internal import PlaybookModel
internal import PlaybookDiagnostics
internal import Foundation

/// The sidebar, rendered once per section through `partials/nav`: pages of one section share
/// the same open branches, and the build writes each section's tree once, into the script its
/// pages load (named by `NavigationScript`; the build's `NavigationFiles` writes it), which
/// marks the page's own link as it inserts the tree.
///
/// This keeps navigation linear in the number of sections, not pages (a 10,000-page site renders
/// a few hundred navigation trees, and its pages carry none). A section's tree is made when it
/// is first asked for, once, whichever thread asks.
struct NavigationCache: Sendable {
    /// The partial that renders the tree held in `nav`.
    static let partial = "partials/nav"

    private let trees: LazySlots<String>
    /// Each section's script tag, by section (`navigation` in the templates).
    let scriptTags: [String]
    /// Each section's script, relative to the output folder, by section.
    let scriptPaths: [String]

    init(site: Site, templates: TemplateSet) {
        let navigation = Navigation(site: site)
        let basePath = site.config.basePath
        let render: @Sendable ([TreeItem]) -> String = { items in
            templates.render(Self.partial, context: ["nav": items, "site": ["baseURL": basePath]]) ?? ""
        }
        let closed = LazySlots<String>(count: 1) { _ in render(navigation.items(openSection: nil)) }
        let splits = templates.readsOnlyAsOneSection("nav", in: Self.partial)
        let pieces = LazySlots<Pieces?>(count: 1) { _ in
            guard splits else { return nil }
            let entries = navigation.items(openSection: nil).map { render([$0]) }
            return Pieces(closed: closed[0], entries: entries, empty: render([]))
        }
        let topLevel = site.sections[0].children
        trees = LazySlots(count: site.sections.count) { section in
            // Only the top-level entry holding the section differs from the closed sidebar.
            let chain = site.ancestry(of: section)
            if chain.count == 1 { return closed[0] }
            if let pieces = pieces[0], let position = topLevel.firstIndex(of: .section(chain[1])),
                let html = pieces.html(
                    replacing: position, with: render([navigation.topLevelItem(at: position, openSection: section)]))
            {
                return html
            }
            return render(navigation.items(openSection: section))
        }
        scriptPaths = NavigationScript.paths(for: site)
        scriptTags = scriptPaths.map { "<script src=\"\(escapeHTML(basePath + $0))\"></script>" }
    }

    /// The closed sidebar as the text before the top-level entries, each entry's text and the
    /// text after, so a section's sidebar renders only its own open entry: on a site of 200
    /// sections the other 199 entries were rendered again for every section.
    ///
    /// Built only when the template reads `nav` in one section (see
    /// `TemplateSet.readsOnlyAsOneSection`), and checked: the pieces must give the closed
    /// sidebar back byte for byte, and a rendered entry must have the same text around it.
    private struct Pieces: Sendable {
        let head: [UInt8]
        let entries: [[UInt8]]
        let tail: [UInt8]

        /// `entries` are the sidebar rendered with one entry each, `empty` with none.
        init?(closed: String, entries: [String], empty: String) {
            let empty = Array(empty.utf8)
            let whole = Array(closed.utf8)
            let headCount = zip(empty, whole).prefix { $0 == $1 }.count
            head = Array(empty[..<headCount])
            tail = Array(empty[headCount...])
            var fragments: [[UInt8]] = []
            for entry in entries {
                guard let fragment = Self.fragment(of: entry, head: head, tail: tail) else { return nil }
                fragments.append(fragment)
            }
            self.entries = fragments
            guard head + fragments.joined() + tail == whole else { return nil }
        }

        /// The closed sidebar with the entry at `position` replaced by the one in `rendered`
        /// (the sidebar rendered with that entry alone); `nil` when the text around it differs.
        func html(replacing position: Int, with rendered: String) -> String? {
            guard let fragment = Self.fragment(of: rendered, head: head, tail: tail) else { return nil }
            var bytes = head
            for (index, entry) in entries.enumerated() {
                bytes += index == position ? fragment : entry
            }
            return String(decoding: bytes + tail, as: UTF8.self)
        }

        private static func fragment(of text: String, head: [UInt8], tail: [UInt8]) -> [UInt8]? {
            let bytes = Array(text.utf8)
            guard bytes.count >= head.count + tail.count, bytes.starts(with: head),
                bytes[(bytes.count - tail.count)...].elementsEqual(tail)
            else { return nil }
            return Array(bytes[head.count..<(bytes.count - tail.count)])
        }
    }

    /// The sidebar of the pages of `section`: its tree open down to the section, no entry
    /// marked current (the script that inserts it marks the page's own link).
    func sidebar(section: Int) -> String {
        trees[section]
    }

    /// Values made on first use, each once, whichever thread asks first (the others wait for
    /// it rather than make the same value again).
    final class LazySlots<Value: Sendable>: @unchecked Sendable {
        let count: Int
        private let make: @Sendable (Int) -> Value
        /// One slot per value, each guarded by its own lock (a Swift array written from several
        /// threads would be a data race even on distinct elements).
        private let values: UnsafeMutablePointer<Value?>
        private let locks: [NSLock]

        init(count: Int, make: @escaping @Sendable (Int) -> Value) {
            self.count = count
            self.make = make
            values = .allocate(capacity: count)
            values.initialize(repeating: nil, count: count)
            locks = (0..<count).map { _ in NSLock() }
        }

        deinit {
            values.deinitialize(count: count)
            values.deallocate()
        }

        subscript(slot: Int) -> Value {
            locks[slot].lock()
            defer { locks[slot].unlock() }
            if let value = values[slot] { return value }
            let value = make(slot)
            values[slot] = value
            return value
        }
    }
}

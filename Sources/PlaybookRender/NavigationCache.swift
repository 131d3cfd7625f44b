internal import PlaybookModel
internal import Foundation
#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The sidebar, rendered once per section through `partials/nav` rather than once per page:
/// pages of one section share the same open branches, so only the current-page mark differs,
/// and that is added to the cached HTML as `aria-current="page"` on the page's own link.
///
/// This keeps navigation linear in the number of pages (a 10,000-page site renders a few hundred
/// navigation trees, not 10,000). A section's tree is rendered when a page of it is first
/// rendered, so a build that renders one page (the others come from the build cache) renders
/// one tree.
struct NavigationCache: Sendable {
    /// The partial that renders the tree held in `nav`.
    static let partial = "partials/nav"

    private let trees: LazyTrees

    init(site: Site, templates: TemplateSet) {
        let navigation = Navigation(site: site)
        trees = LazyTrees(count: site.sections.count + 1) { slot in
            let open = slot < site.sections.count ? slot : nil
            return templates.render(
                Self.partial,
                context: ["nav": navigation.items(openSection: open), "site": ["baseURL": site.config.basePath]]) ?? ""
        }
    }

    /// The sidebar for a page of `section` whose URL (with base path) is `url`.
    func html(section: Int, currentURL url: String) -> String {
        Self.markCurrent(trees[section], url: url)
    }

    /// The sidebar with nothing open and nothing current (the 404 page).
    var closedHTML: String { trees[trees.count - 1] }

    /// Strings made on first use, each once, whichever thread asks first (the others wait for
    /// it rather than render the same tree again).
    final class LazyTrees: @unchecked Sendable {
        let count: Int
        private let make: @Sendable (Int) -> String
        /// One slot per string, each guarded by its own lock (a Swift array written from several
        /// threads would be a data race even on distinct elements).
        private let values: UnsafeMutablePointer<String?>
        private let locks: [NSLock]

        init(count: Int, make: @escaping @Sendable (Int) -> String) {
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

        subscript(slot: Int) -> String {
            locks[slot].lock()
            defer { locks[slot].unlock() }
            if let value = values[slot] { return value }
            let value = make(slot)
            values[slot] = value
            return value
        }
    }

    /// Byte offset of the first occurrence of `pattern` in `haystack` (`memchr` for the first
    /// byte, then `memcmp`): the generic collection search was half of a 10,000-page build.
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress, pattern.count > 0,
            haystack.count >= pattern.count
        else { return nil }
        var offset = 0
        let last = haystack.count - pattern.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(patternBase.pointee), last - offset + 1) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, patternBase, pattern.count) == 0 { return position }
            offset = position + 1
        }
        return nil
    }

    /// Adds `aria-current="page"` to the first link to `url`.
    static func markCurrent(_ html: String, url: String) -> String {
        var html = html
        var needle = "href=\"\(url)\""
        let end: Int? = html.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                Self.firstOffset(of: pattern, in: haystack).map { $0 + pattern.count }
            }
        }
        guard let end else { return html }
        let utf8 = Array(html.utf8)
        return String(decoding: utf8[..<end], as: UTF8.self) + " aria-current=\"page\""
            + String(decoding: utf8[end...], as: UTF8.self)
    }
}

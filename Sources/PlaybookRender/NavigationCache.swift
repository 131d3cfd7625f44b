internal import PlaybookModel
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
/// navigation trees, not 10,000).
struct NavigationCache: Sendable {
    /// The partial that renders the tree held in `nav`.
    static let partial = "partials/nav"

    private let bySection: [String]
    private let closed: String

    init(site: Site, templates: TemplateSet) {
        let navigation = Navigation(site: site)
        let render: @Sendable (Int?) -> String = { open in
            templates.render(Self.partial, context: ["nav": navigation.items(openSection: open), "site": ["baseURL": site.config.basePath]]) ?? ""
        }
        bySection = Array(site.sections.indices).parallelMap { render($0) }
        closed = render(nil)
    }

    /// The sidebar for a page of `section` whose URL (with base path) is `url`.
    func html(section: Int, currentURL url: String) -> String {
        Self.markCurrent(bySection[section], url: url)
    }

    /// The sidebar with nothing open and nothing current (the 404 page).
    var closedHTML: String { closed }

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

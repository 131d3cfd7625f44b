internal import PlaybookModel
internal import PlaybookRender

/// The site as the last build assembled it, without the pages' bodies, with each page's
/// anchors: what `site.cache` holds, so that a rebuild after an edit of a few pages' bodies
/// (`CachedEdit`) starts from the assembled site instead of decoding every page's record and
/// assembling the site again (at 10,000 pages that was 0.4 s of the 0.7 s such a rebuild took).
///
/// The configuration and the framework are not kept: they are read again from their files,
/// which the edit did not change.
struct SiteSnapshot: Sendable, Equatable {
    /// The pages in the site's order (generated ones included). The file holds them without
    /// their bodies, so those read back have empty ones.
    var pages: [Page]
    var sections: [Section]
    var staticFiles: [String]
    /// Each page's anchors (`LinkChecker.anchors(of:)`), in page order.
    var anchors: AnchorList

    /// The snapshot of `site` with the anchors of its rendered `pages` (in site order), or the
    /// anchors the check stage found (`LastBuild.anchors`) when it has them.
    init(site: Site, pages rendered: [RenderedPage], anchors checked: [Set<String>]? = nil) {
        pages = site.pages  // not copied without bodies: the encoder leaves them out
        sections = site.sections
        staticFiles = site.staticFiles
        if let checked, checked.count == site.pages.count {
            anchors = AnchorList(checked)
            return
        }
        var anchors = [Set<String>](repeating: [], count: site.pages.count)
        for page in rendered where page.index < anchors.count { anchors[page.index] = LinkChecker.anchors(of: page) }
        self.anchors = AnchorList(anchors)
    }

    init(pages: [Page], sections: [Section], staticFiles: [String], anchors: AnchorList) {
        self.pages = pages
        self.sections = sections
        self.staticFiles = staticFiles
        self.anchors = anchors
    }

    /// The site with `config` and `framework` read again, its pages as kept.
    func site(config: SiteConfig, framework: Framework?, root: String) -> Site {
        var site = Site(config: config, pages: pages, sections: sections, staticFiles: staticFiles, framework: framework)
        site.root = root
        return site
    }
}

/// Each page's anchors, kept encoded: a site has about ten per page, and an edit checks the
/// links of a few pages, so only the anchors of the pages they link to are decoded (decoding
/// all of them was a tenth of a one-page rebuild's instructions at 10,000 pages).
struct AnchorList: Sendable, Equatable {
    /// Each page's anchors, sorted, as `CacheWriter.strings` writes them.
    let encoded: [ArraySlice<UInt8>]

    var count: Int { encoded.count }

    /// Encodes every page's anchors into one buffer (a writer per page cost 10,000 allocations).
    init(_ anchors: [Set<String>]) {
        var writer = CacheWriter(capacity: anchors.count * 64)
        var ends: [Int] = []
        ends.reserveCapacity(anchors.count)
        for set in anchors {
            writer.strings(set.sorted())
            ends.append(writer.bytes.count)
        }
        let bytes = writer.bytes
        encoded = ends.indices.map { bytes[($0 == 0 ? 0 : ends[$0 - 1])..<ends[$0]] }
    }

    init(encoded: [ArraySlice<UInt8>]) {
        self.encoded = encoded
    }

    /// The anchors of the page at `index` (none when they do not decode).
    func anchors(of index: Int) -> Set<String> {
        guard index >= 0, index < encoded.count else { return [] }
        var reader = CacheReader(Array(encoded[index]), from: 0)
        return (try? reader.strings()).map(Set.init) ?? []
    }

    /// Every page's anchors, decoded for the pages in `indices` only (the others empty): what a
    /// `LinkChecker` of links into those pages needs.
    func decoded(for indices: Set<Int>) -> [Set<String>] {
        var anchors = [Set<String>](repeating: [], count: encoded.count)
        for index in indices where index >= 0 && index < encoded.count { anchors[index] = self.anchors(of: index) }
        return anchors
    }
}

extension CacheWriter {
    mutating func siteSnapshot(_ snapshot: SiteSnapshot) {
        // In 32 slices, not a chunk per page: a chunk's writer holds 4 KB until all are written.
        chunks(Self.slices(of: snapshot.pages, count: 32)) { writer, pages in writer.array(Array(pages)) { $0.page($1, withBody: false) } }
        array(snapshot.sections) { writer, section in
            writer.string(section.path)
            writer.int(section.indexPage)
            writer.optional(section.parent) { $0.int($1) }
            writer.array(section.children) { writer, child in
                switch child {
                case .page(let index):
                    writer.int(0)
                    writer.int(index)
                case .section(let index):
                    writer.int(1)
                    writer.int(index)
                }
            }
        }
        strings(snapshot.staticFiles)
        chunks(snapshot.anchors.encoded, kept: { $0 }) { _, _ in }
    }
}

extension CacheReader {
    mutating func siteSnapshot() throws -> SiteSnapshot {
        let pages = try chunks { try $0.array { try $0.page() } }.flatMap { $0 }
        let sections = try array { reader -> Section in
            let path = try reader.string()
            let indexPage = try reader.int()
            let parent = try reader.optional { try $0.int() }
            let children = try reader.array { reader -> Section.Child in
                switch try reader.int() {
                case 0: return .page(try reader.int())
                case 1: return .section(try reader.int())
                default: throw Corrupt()
                }
            }
            return Section(path: path, indexPage: indexPage, children: children, parent: parent)
        }
        let staticFiles = try strings()
        let anchors = AnchorList(encoded: try rawChunks())
        guard anchors.count == pages.count else { throw Corrupt() }
        return SiteSnapshot(pages: pages, sections: sections, staticFiles: staticFiles, anchors: anchors)
    }
}

extension BuildCache {
    var sitePath: String { PathText.join(folder, "site.cache") }

    /// The snapshot written with `head`, or `nil`.
    func readSite(for head: Head) -> SiteSnapshot? {
        guard !head.siteID.isEmpty, let (opened, checksum) = Self.openChecked(sitePath),
            String(checksum, radix: 36) == head.siteID
        else { return nil }
        var reader = opened
        return try? reader.siteSnapshot()
    }
}

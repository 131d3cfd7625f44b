/// Everything loaded from a site folder, before anything is rendered: the configuration, every
/// page, the section tree and the files to copy.
public struct Site: Sendable {
    /// The site configuration from `playbook.yml`.
    public var config: SiteConfig
    /// Every page that will be built, section pages included, in reading order
    /// (depth first through the section tree).
    public var pages: [Page]
    /// Every section; `sections[0]` is the root.
    public var sections: [Section]
    /// The framework from `content/framework.yml`, when the site has one.
    public var framework: Framework?
    /// Non-Markdown files under content (images, PDFs…), relative to content, copied as they are.
    public var staticFiles: [String]
    /// The site folder the site was loaded from (holding `playbook.yml` and `content/`), for
    /// fences that read files beside the content (```lint); `nil` for a site made in memory.
    public var root: String?
    /// Page index by `sourcePath`.
    public let pageIndexBySource: [String: Int]
    /// Section index by folder path.
    public let sectionIndexByPath: [String: Int]

    /// Creates a site and its look-up tables.
    public init(
        config: SiteConfig, pages: [Page], sections: [Section], staticFiles: [String], framework: Framework? = nil
    ) {
        self.config = config
        self.framework = framework
        self.pages = pages
        self.sections = sections
        self.staticFiles = staticFiles
        var bySource: [String: Int] = [:]
        for (index, page) in pages.enumerated() { bySource[page.sourcePath] = index }
        pageIndexBySource = bySource
        var byPath: [String: Int] = [:]
        for (index, section) in sections.enumerated() { byPath[section.path] = index }
        sectionIndexByPath = byPath
    }

    /// The section a page belongs to (for a section page, the section it is the page of).
    public func section(of pageIndex: Int) -> Int {
        sectionIndexByPath[pages[pageIndex].sectionPath] ?? 0
    }

    /// The chain of sections from the root down to `section`, both included.
    public func ancestry(of section: Int) -> [Int] {
        var chain = [section]
        var current = section
        while let parent = sections[current].parent {
            chain.append(parent)
            current = parent
        }
        return chain.reversed()
    }
}

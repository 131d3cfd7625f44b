public import PlaybookBuild
public import PlaybookModel

extension BuildResult {
    /// The site's pages without the print page (`/print/`), which the build adds last to every
    /// site and which is in no section: the pages the navigation lists, in reading order.
    public var pagesInNavigation: [Page] {
        site.pages.filter { $0.kind != .print }
    }
}

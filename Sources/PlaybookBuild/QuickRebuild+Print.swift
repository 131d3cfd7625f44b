internal import PlaybookModel
internal import PlaybookRender

extension QuickRebuild {
    /// The print page made again with the parts of the pages at `indices` rendered anew and the
    /// others' kept from the last build (`LastBuild.printParts`): the bytes a full build writes.
    /// Returns its output path; none when the site has no print page.
    /// Like the plans and lint pages, it is not among the state's pages to reuse.
    static func renderPrintPage(with indices: [Int], by renderer: SiteRenderer, into snapshot: inout LastBuild)
        -> Set<String>
    {
        guard let index = RenderStage.printPage(of: snapshot.site) else { return [] }
        if snapshot.printParts.count == snapshot.site.pages.count {
            // Each page rendered again made its part (`RenderedPage.printPart`).
            for changed in indices { snapshot.printParts[changed] = snapshot.pages[changed].printPart }
        } else {
            snapshot.printParts = renderer.printParts()
        }
        let page = renderer.finish(renderer.printBody(of: index, parts: snapshot.printParts))
        snapshot.pages[index] = page
        if let position = snapshot.fileIndex[page.outputPath] {
            snapshot.files[position] = OutputFile(path: page.outputPath, contents: .text(page.html))
        }
        return [page.outputPath]
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import PlaybookMarkdown

/// Checks every link of every rendered page against the pages and anchors that exist,
/// reporting each broken one at the position of the link in its file.
///
/// Linear in the number of links: each target page's anchors are looked up in a set.
struct LinkChecker {
    let site: Site
    let pages: [RenderedPage]
    let resolver: LinkResolver

    func check() -> [Diagnostic] {
        var anchorsByPage: [Int: Set<String>] = [:]
        for page in pages {
            anchorsByPage[page.index] = Set(page.headings.map(\.id) + page.tasks.map(\.id))
        }
        var diagnostics: [Diagnostic] = []
        if let framework = site.framework {
            let references = framework.steps.map { ($0.page, $0.location) } + framework.behaviours.map { ($0.page, $0.location) }
            for (destination, location) in references {
                switch resolver.resolve(destination, inFolder: "") {
                case .page(let index, let anchor):
                    if let anchor, !anchor.isEmpty, anchorsByPage[index]?.contains(anchor) != true {
                        diagnostics.append(anchorProblem(destination, anchor: anchor, on: site.pages[index], in: anchorsByPage[index], at: location))
                    }
                case .missing(let path, let hint):
                    diagnostics.append(.error("link/broken", at: location, "the framework names the page '\(path)', which does not exist", hint: hint))
                default:
                    diagnostics.append(.error("link/broken", at: location, "the framework's page '\(destination)' must be a Markdown file under content/"))
                }
            }
        }
        for rendered in pages {
            let page = site.pages[rendered.index]
            for (link, target) in rendered.links {
                let location = page.location(bodyLine: link.line, column: link.column)
                let what = link.isImage ? "image" : "link"
                switch target {
                case .external, .file:
                    break
                case .missing(let path, let hint):
                    diagnostics.append(
                        .error(
                            "link/broken", at: location,
                            "broken \(what): '\(link.destination)' points to '\(path)', which does not exist",
                            hint: hint))
                case .samePage(let anchor):
                    if !anchor.isEmpty, anchorsByPage[rendered.index]?.contains(anchor) != true {
                        diagnostics.append(
                            anchorProblem(link.destination, anchor: anchor, on: page, in: anchorsByPage[rendered.index], at: location))
                    }
                case .page(let index, let anchor):
                    if let anchor, !anchor.isEmpty, anchorsByPage[index]?.contains(anchor) != true {
                        diagnostics.append(
                            anchorProblem(link.destination, anchor: anchor, on: site.pages[index], in: anchorsByPage[index], at: location))
                    }
                }
            }
        }
        return diagnostics
    }

    private func anchorProblem(
        _ destination: String, anchor: String, on target: Page, in anchors: Set<String>?, at location: SourceLocation
    ) -> Diagnostic {
        .error(
            "link/anchor", at: location,
            "broken link: '\(destination)' points to '#\(anchor)', which \(target.displayPath) does not have",
            hint: Suggestions.didYouMean(anchor, in: (anchors ?? []).sorted()).map { $0.replacingPrefix("did you mean '", with: "did you mean '#") }
                ?? "anchors are made from headings: lower case, punctuation dropped, spaces as hyphens")
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

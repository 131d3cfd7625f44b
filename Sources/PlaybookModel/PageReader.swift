internal import PlaybookDiagnostics
internal import Foundation

/// Reads one Markdown file into a `Page`: bytes → UTF-8 text → front matter → metadata.
enum PageReader {
    static func read(
        sourcePath: String, absolutePath: String, displayPrefix: String = "content/", style: URLStyle
    ) -> (Page?, [Diagnostic]) {
        let displayPath = displayPrefix + sourcePath
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            return (
                nil,
                [.error("file/unreadable", at: SourceLocation(file: displayPath), "this file cannot be read")]
            )
        }
        let text: String
        switch SourceText.decode(Array(data), file: displayPath) {
        case .success(let decoded): text = decoded
        case .failure(let problem): return (nil, [problem])
        }
        let split: FrontMatter
        switch FrontMatter.split(text, file: displayPath) {
        case .success(let value): split = value
        case .failure(let problem): return (nil, [problem])
        }
        var diagnostics: [Diagnostic] = []
        var root: YAMLNode?
        if let yaml = split.yaml {
            switch YAMLParser.parse(yaml, file: displayPath, lineOffset: 1) {
            case .success(let node): root = node
            case .failure(let problem): return (nil, [problem])
            }
        }
        let (metadata, problems) = PageMetadata.read(root, file: displayPath)
        diagnostics += problems
        if problems.hasErrors { return (nil, diagnostics) }

        let location = PageLocation(sourcePath: sourcePath, style: style)
        let (title, body, titleFromHeading) = titleAndBody(metadata.title, split.body, location: location, sourcePath: sourcePath)
        var page = Page(
            sourcePath: sourcePath, displayPath: displayPath, url: location.url,
            outputPath: location.outputPath, title: title, description: metadata.description,
            weight: metadata.weight, isDraft: metadata.isDraft, type: metadata.type,
            tags: metadata.tags, body: body, bodyLineOffset: split.bodyLineOffset,
            frontMatter: root, isSectionIndex: location.isSectionIndex,
            sectionPath: location.sectionPath)
        page.titleFromHeading = titleFromHeading
        page.aliases = metadata.aliases
        page.freshness = metadata.freshness
        if location.isSectionIndex {
            page.order = metadata.order
        } else if let keyNode = root?.mapping?.first(where: { $0.key.scalarText == "order" })?.key {
            diagnostics.append(misplacedOrder(at: keyNode, folder: location.sectionPath))
        }
        return (page, diagnostics)
    }

    /// The title: front matter, else the first `# ` heading (then taken out of the body, so it
    /// is not shown twice), else the file's name.
    private static func titleAndBody(_ written: String?, _ source: Substring, location: PageLocation, sourcePath: String)
        -> (title: String, body: String, fromHeading: Bool)
    {
        if let written, !written.isEmpty { return (written, String(source), false) }
        if let heading = TitleHeading.find(in: source), !heading.text.isEmpty {
            return (heading.text, heading.removed(from: source), true)
        }
        let name = location.isSectionIndex ? location.sectionPath : PathText.removingExtension(sourcePath)
        return (PageLocation.readableName(name), String(source), false)
    }

    /// A warning, not an error: the key is ignored and harms nothing, as an unknown key is (also a
    /// warning), and a section page renamed to an ordinary one (`_index.md` → `overview.md`)
    /// should not stop the build; but the author expects an order that no longer applies.
    private static func misplacedOrder(at keyNode: YAMLNode, folder: String) -> Diagnostic {
        let indexPath = PathText.join(PathText.parent(keyNode.location.file), "_index.md")
        return .warning(
            "order/not-section-page", at: keyNode.location,
            "'order' orders the entries of a section, but this is not a section's page; it is ignored",
            hint: "move it to \(indexPath) (or the folder's index.md or README.md)")
    }
}

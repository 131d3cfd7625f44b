internal import PlaybookDiagnostics
internal import Foundation

/// Reads one Markdown file into a `Page`: bytes → UTF-8 text → front matter → metadata.
enum PageReader {
    static func read(sourcePath: String, absolutePath: String) -> (Page?, [Diagnostic]) {
        let displayPath = "content/" + sourcePath
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

        let location = PageLocation(sourcePath: sourcePath)
        var title = metadata.title
        if title == nil || title?.isEmpty == true {
            if location.isSectionIndex {
                title = PageLocation.readableName(location.sectionPath)
            } else {
                diagnostics.append(
                    .error(
                        "frontmatter/title", at: root?.location ?? SourceLocation(file: displayPath, line: 1),
                        split.yaml == nil ? "this page has no front matter, so it has no title" : "this page has no title",
                        hint: "add 'title: …' to the front matter between '---' lines at the top"))
                return (nil, diagnostics)
            }
        }
        let page = Page(
            sourcePath: sourcePath, displayPath: displayPath, url: location.url,
            outputPath: location.outputPath, title: title ?? "", description: metadata.description,
            weight: metadata.weight, isDraft: metadata.isDraft, type: metadata.type,
            tags: metadata.tags, body: String(split.body), bodyLineOffset: split.bodyLineOffset,
            frontMatter: root, isSectionIndex: location.isSectionIndex,
            sectionPath: location.sectionPath)
        return (page, diagnostics)
    }
}

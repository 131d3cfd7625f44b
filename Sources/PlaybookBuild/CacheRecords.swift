internal import PlaybookDiagnostics
internal import PlaybookMarkdown
internal import PlaybookModel
internal import PlaybookRender

// How each value the build cache keeps is written and read back. A write and its read sit side
// by side so a new field is added to both; `CacheRecordTests` round-trips a value of each type
// with every field set.

extension CacheWriter {
    mutating func location(_ value: SourceLocation) {
        string(value.file)
        int(value.line)
        int(value.column)
    }

    mutating func diagnostic(_ value: Diagnostic) {
        string(value.severity.rawValue)
        string(value.code)
        location(value.location)
        string(value.message)
        optional(value.hint) { $0.string($1) }
    }

    mutating func diagnostics(_ values: [Diagnostic]) { array(values) { $0.diagnostic($1) } }

    mutating func yaml(_ node: YAMLNode) {
        switch node {
        case .scalar(let text, let kind, let location):
            int(0)
            string(text)
            string(kind.rawValue)
            self.location(location)
        case .sequence(let items, let location):
            int(1)
            array(items) { $0.yaml($1) }
            self.location(location)
        case .mapping(let pairs, let location):
            int(2)
            array(pairs) {
                $0.yaml($1.key)
                $0.yaml($1.value)
            }
            self.location(location)
        }
    }

    /// `withBody` false writes an empty body (`SiteSnapshot`).
    mutating func page(_ page: Page, withBody: Bool = true) {
        string(page.sourcePath)
        string(page.displayPath)
        string(page.url)
        string(page.outputPath)
        string(page.title)
        optional(page.description) { $0.string($1) }
        optional(page.weight) { $0.int($1) }
        bool(page.isDraft)
        optional(page.type) { $0.string($1) }
        strings(page.tags)
        string(withBody ? page.body : "")
        int(page.bodyLineOffset)
        // Only plans read their whole front matter again (the lint, the plan diagrams); other
        // pages' common keys are already fields, so their tree is not kept.
        optional(page.kind == .plan ? page.frontMatter : nil) { $0.yaml($1) }
        bool(page.isSectionIndex)
        string(page.sectionPath)
        bool(page.titleFromHeading)
        array(page.order) {
            $0.string($1.name)
            $0.bool($1.folderOnly)
            $0.location($1.location)
        }
        array(page.aliases) {
            $0.string($1.path)
            $0.string($1.outputPath)
            $0.location($1.location)
        }
        for field in [page.freshness.owner, page.freshness.reviewed, page.freshness.reviewEvery] {
            optional(field) {
                $0.string($1.value)
                $0.location($1.location)
            }
        }
    }

    mutating func linkTarget(_ target: LinkTarget) {
        switch target {
        case .external: int(0)
        case .samePage(let anchor):
            int(1)
            string(anchor)
        case .page(let index, let anchor):
            int(2)
            int(index)
            optional(anchor) { $0.string($1) }
        case .file(let path):
            int(3)
            string(path)
        case .missing(let destination, let hint):
            int(4)
            string(destination)
            optional(hint) { $0.string($1) }
        }
    }

    mutating func searchPart(_ part: SearchPart) {
        string(part.url)
        string(part.fragment)
        searchTerms(part)
    }

    /// Everything of a rendered page but its HTML (which stays in the output folder) and its
    /// texts (kept as its search-index part).
    mutating func renderedFacts(_ page: RenderedPage) {
        int(page.index)
        string(page.outputPath)
        array(page.headings) {
            $0.int($1.level)
            $0.string($1.text)
            $0.string($1.id)
            $0.int($1.line)
        }
        array(page.links) {
            $0.string($1.link.destination)
            $0.bool($1.link.isImage)
            $0.int($1.link.line)
            $0.int($1.link.column)
            $0.linkTarget($1.target)
        }
        array(page.tasks) {
            $0.string($1.id)
            $0.string($1.text)
            $0.bool($1.checked)
            $0.int($1.line)
        }
        // Not `plainText` or `sectionTexts`: they are read only to make the search-index part,
        // which the cache keeps instead.
        optional(page.titleID) { $0.string($1) }
        diagnostics(page.diagnostics)
        optional(page.gitFact) {
            $0.int($1.date.dayNumber)
            $0.string($1.author)
            $0.string($1.commit)
        }
    }
}

extension CacheReader {
    mutating func location() throws -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func diagnostic() throws -> Diagnostic {
        guard let severity = Severity(rawValue: try string()) else { throw Corrupt() }
        return Diagnostic(
            severity, code: try string(), at: try location(), try string(), hint: try optional { try $0.string() })
    }

    mutating func diagnostics() throws -> [Diagnostic] { try array { try $0.diagnostic() } }

    mutating func yaml() throws -> YAMLNode {
        switch try int() {
        case 0:
            let text = try string()
            guard let kind = YAMLNode.ScalarKind(rawValue: try string()) else { throw Corrupt() }
            return .scalar(text, kind, try location())
        case 1:
            return .sequence(try array { try $0.yaml() }, try location())
        case 2:
            let pairs = try array { reader in (key: try reader.yaml(), value: try reader.yaml()) }
            return .mapping(pairs, try location())
        default:
            throw Corrupt()
        }
    }

    mutating func page() throws -> Page {
        var page = Page(
            sourcePath: try string(), displayPath: try string(), url: try string(), outputPath: try string(),
            title: try string(), description: try optional { try $0.string() }, weight: try optional { try $0.int() },
            isDraft: try bool(), type: try optional { try $0.string() }, tags: try strings(), body: try string(),
            bodyLineOffset: try int(), frontMatter: try optional { try $0.yaml() }, isSectionIndex: try bool(),
            sectionPath: try string())
        page.titleFromHeading = try bool()
        page.order = try array { OrderName(name: try $0.string(), folderOnly: try $0.bool(), location: try $0.location()) }
        page.aliases = try array { PageAlias(path: try $0.string(), outputPath: try $0.string(), location: try $0.location()) }
        let located: (inout Self) throws -> Located<String> = { Located(try $0.string(), at: try $0.location()) }
        page.freshness = PageFreshness(
            owner: try optional(located), reviewed: try optional(located), reviewEvery: try optional(located))
        return page
    }

    mutating func linkTarget() throws -> LinkTarget {
        switch try int() {
        case 0: return .external
        case 1: return .samePage(anchor: try string())
        case 2: return .page(try int(), anchor: try optional { try $0.string() })
        case 3: return .file(try string())
        case 4: return .missing(try string(), hint: try optional { try $0.string() })
        default: throw Corrupt()
        }
    }

    mutating func searchPart() throws -> SearchPart {
        let url = try string()
        let fragment = try string()
        return SearchPart(url: url, fragment: fragment, encodedTerms: try encodedSearchTerms())
    }

    /// A rendered page as `renderedFacts` wrote it, with an empty `html`, `plainText` and
    /// `sectionTexts`.
    mutating func renderedFacts() throws -> RenderedPage {
        let index = try int()
        let outputPath = try string()
        let headings = try array { Heading(level: try $0.int(), text: try $0.string(), id: try $0.string(), line: try $0.int()) }
        let links = try array { reader -> (link: MarkdownLink, target: LinkTarget) in
            let link = MarkdownLink(
                destination: try reader.string(), isImage: try reader.bool(), line: try reader.int(),
                column: try reader.int())
            return (link, try reader.linkTarget())
        }
        let tasks = try array { TaskItem(id: try $0.string(), text: try $0.string(), checked: try $0.bool(), line: try $0.int()) }
        var page = RenderedPage(
            index: index, outputPath: outputPath, html: "", headings: headings, links: links, tasks: tasks,
            plainText: "")
        page.titleID = try optional { try $0.string() }
        page.diagnostics = try diagnostics()
        page.gitFact = try optional { GitFact(date: PlanDate(dayNumber: try $0.int()), author: try $0.string(), commit: try $0.string()) }
        return page
    }
}

public import PlaybookDiagnostics
internal import Foundation

/// The site configuration, read from `playbook.yml` at the site root.
public struct SiteConfig: Sendable, Hashable {
    /// The site's name, shown in the header and the `<title>`.
    public var title: String
    /// A one-line description for the home page's meta description.
    public var description: String?
    /// Where the site is published: `https://example.org/handbook/` or just `/handbook/`.
    public var baseURL: String {
        didSet { basePath = Self.path(of: baseURL) }
    }
    /// The `lang` of every page.
    public var language: String
    /// Keep raw HTML in Markdown (off by default).
    public var allowUnsafeHTML: Bool
    /// The repository that holds the site, for "edit this page" links.
    public var repository: String?
    /// The branch "edit this page" links open.
    public var editBranch: String
    /// The `lint:` section, kept for the lint to read.
    public var lint: YAMLNode?
    /// How file and folder names become URLs (`urls: slug` or `urls: keep`).
    public var urlStyle: URLStyle = .slug
    /// Whether broken links and anchors fail the build (`links: error`, the default) or are
    /// reported as warnings while a team migrates a handbook (`links: warn`).
    public var brokenLinks: BrokenLinkPolicy = .error
    /// Who may own pages (`owners:`), in written order; `nil` when the key is absent, so that
    /// owners are not checked against a list.
    public var owners: [SiteOwner]?
    /// How often pages are reviewed and whether they need an owner (`freshness:`).
    public var freshness = FreshnessConfig()
    /// The folder under the site folder that holds the pages (`content:`, default `content`):
    /// `docs` for a site moved in from MkDocs, `src` from mdBook. Always relative, no `..`.
    public var contentFolder = SiteConfig.defaultContentFolder
    /// The content folder when `playbook.yml` does not name one.
    public static let defaultContentFolder = "content"

    /// The content folder as display paths start with it: `content/`.
    public var contentPrefix: String { contentFolder + "/" }
    /// Whether the build writes `llms.txt`, `llms-full.txt` and each page's `index.md`, and
    /// pages offer "Copy page as Markdown" (`llms: false` turns all of it off).
    public var llms = true
    /// Whether the build makes `/print/`, every page on one page for printing, and pages link
    /// to it (`print: true` turns it on). Off unless asked for: the page renders every body a
    /// second time, a fifth more of a 1,000-page build's time (measured 2026-12-06).
    public var print = false

    /// The defaults used when there is no `playbook.yml`.
    public init(
        title: String = "Playbook", description: String? = nil, baseURL: String = "/",
        language: String = "en", allowUnsafeHTML: Bool = false, repository: String? = nil,
        editBranch: String = "main", lint: YAMLNode? = nil
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        basePath = Self.path(of: baseURL)
        self.language = language
        self.allowUnsafeHTML = allowUnsafeHTML
        self.repository = repository
        self.editBranch = editBranch
        self.lint = lint
    }

    /// The path part of the base URL, always starting and ending with `/`: `/handbook/`. Kept
    /// beside `baseURL` rather than worked out on each read: every page's search entry reads it.
    public private(set) var basePath: String

    private static func path(of baseURL: String) -> String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The scheme and host of the base URL (`https://example.org`), when it has them.
    public var origin: String? {
        guard let scheme = baseURL.range(of: "://") else { return nil }
        let afterScheme = baseURL[scheme.upperBound...]
        let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        return String(baseURL[..<hostEnd])
    }

    /// The keys `playbook.yml` understands.
    public static let knownKeys = [
        "title", "description", "base-url", "language", "markdown", "repository", "edit-branch",
        "lint", "urls", "links", "owners", "freshness", "content", "llms", "print",
    ]

    /// Reads the configuration from the text of `playbook.yml`.
    ///
    /// - Returns: the configuration (defaults for what is missing) and the problems found:
    ///   errors for wrong types, warnings for unknown keys.
    public static func parse(_ text: String, file: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var problems: [Diagnostic] = []
        let root: YAMLNode?
        switch YAMLParser.parse(text, file: file) {
        case .success(let node): root = node
        case .failure(let problem): return (config, [problem])
        }
        guard let root else { return (config, []) }
        guard let pairs = root.mapping else {
            return (
                config,
                [
                    .error(
                        "config/type", at: root.location,
                        "the configuration must be a mapping of keys to values, not \(root.kindDescription)")
                ]
            )
        }
        var reader = FieldReader(file: file)
        for (keyNode, value) in pairs {
            let key = keyNode.scalarText ?? ""
            switch key {
            case "title": config.title = reader.string(value, key: key) ?? config.title
            case "description": config.description = reader.string(value, key: key)
            case "base-url": config.baseURL = reader.string(value, key: key) ?? config.baseURL
            case "language": config.language = reader.string(value, key: key) ?? config.language
            case "repository": config.repository = reader.string(value, key: key)
            case "edit-branch": config.editBranch = reader.string(value, key: key) ?? config.editBranch
            case "lint": config.lint = value
            case "urls":
                if let style = reader.choice(value, key: key, from: URLStyle.self) { config.urlStyle = style }
            case "links":
                if let policy = reader.choice(value, key: key, from: BrokenLinkPolicy.self) { config.brokenLinks = policy }
            case "owners": config.owners = readOwners(value, reader: &reader)
            case "freshness": config.freshness = readFreshness(value, reader: &reader)
            case "content": config.contentFolder = readContentFolder(value, reader: &reader) ?? config.contentFolder
            case "llms": config.llms = reader.bool(value, key: key) ?? config.llms
            case "print": config.print = reader.bool(value, key: key) ?? config.print
            case "markdown":
                for (optionKey, optionValue) in reader.mapping(value, key: key) {
                    if optionKey.scalarText == "unsafe" {
                        config.allowUnsafeHTML = reader.bool(optionValue, key: "markdown.unsafe") ?? false
                    } else {
                        reader.unknownKey(optionKey, known: ["unsafe"], in: "markdown")
                    }
                }
            default:
                reader.unknownKey(keyNode, known: knownKeys, in: "playbook.yml")
            }
        }
        problems += reader.problems
        return (config, problems)
    }
}

extension SiteConfig {
    /// Reads `content:`: a relative folder path without `.`, `..`, hidden or empty parts.
    static func readContentFolder(_ value: YAMLNode, reader: inout FieldReader) -> String? {
        guard let text = reader.string(value, key: "content") else { return nil }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let isSafe = !trimmed.isEmpty && !text.hasPrefix("/") && !text.contains("\\")
            && parts.allSatisfy { !$0.isEmpty && !$0.hasPrefix(".") }
            && !["templates", "public"].contains(String(trimmed))
        guard isSafe else {
            reader.error(
                "config/content", at: value, "'content' must name a folder inside the site folder, not '\(text)'",
                hint: "a relative path such as content, docs or src; no '..', no leading '/', no hidden folders")
            return nil
        }
        return String(trimmed)
    }

    /// The content folder the site at `root` names in its `playbook.yml` (the default when the
    /// file is missing or unreadable; its problems are reported when the site is loaded).
    public static func contentFolder(ofSite root: String) -> String {
        let path = PathText.join(root, "playbook.yml")
        guard let bytes = FileManager.default.contents(atPath: path),
            case .success(let text) = SourceText.decode(Array(bytes), file: "playbook.yml")
        else { return defaultContentFolder }
        return parse(text, file: "playbook.yml").0.contentFolder
    }
}

/// What a broken link or anchor is: an error (the default) or, while migrating, a warning.
public enum BrokenLinkPolicy: String, Sendable, Hashable, CaseIterable {
    /// Broken links fail the build.
    case error
    /// Broken links are warnings, summed up at the end of the build.
    case warn
}

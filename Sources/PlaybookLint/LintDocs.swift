internal import PlaybookModel

/// Where the lint's documentation lives on the site, and the links findings carry.
///
/// The site build generates one page per rule at `/lint/<rule-id>/` and an index at `/lint/`;
/// this is the one place that says so.
public enum LintDocs {
    /// The folder of the generated pages, relative to the site root.
    public static let folder = "lint"

    /// The page type of a generated rule page (rendered with `lint-rule.mustache`).
    public static let rulePageType = PageKind.lintRule.rawValue

    /// The page type of the generated index (rendered with `lint-index.mustache`).
    public static let indexPageType = PageKind.lintIndex.rawValue

    /// `lint/plan/owner/`: a rule's page, relative to the site root.
    public static func path(for ruleID: String) -> String { "\(folder)/\(ruleID)/" }

    /// The source path a generated rule page is registered under in the site (`lint/plan/owner.md`).
    public static func pageSource(for ruleID: String) -> String { "\(folder)/\(ruleID).md" }

    /// The source path of the generated index page.
    public static let indexSource = "\(folder)/_index.md"

    /// The rule id of a generated rule page's source path, or `nil` for any other path.
    public static func ruleID(forPageSource path: String) -> String? {
        guard path.hasPrefix(folder + "/"), path.hasSuffix(".md"), path != indexSource else { return nil }
        let id = String(path.dropFirst(folder.count + 1).dropLast(3))
        return LintRegistry.rule(id: id)?.id
    }
}

/// Absolute or root-relative links from findings to the site: a rule's page, a playbook page.
public struct LintLinks: Sendable, Hashable {
    /// The site's base URL, ending in `/`: `https://example.org/handbook/` or `/handbook/`.
    public let base: String

    /// Links under `baseURL` (`base-url` in `playbook.yml`): kept whole when it has a scheme,
    /// otherwise reduced to its path.
    public init(baseURL: String = "/") {
        if baseURL.contains("://") {
            base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        } else {
            base = SiteConfig(baseURL: baseURL).basePath
        }
    }

    /// True when the links are absolute URLs (what SARIF's `helpUri` wants).
    public var isAbsolute: Bool { base.contains("://") }

    /// The index of the rules: `/lint/`.
    public var index: String { base + LintDocs.folder + "/" }

    /// A rule's page: `/lint/plan/owner/`.
    public func rule(_ id: String) -> String { base + LintDocs.path(for: id) }

    /// The URL of a content page written as in `framework.yml` (`framework/plan.md#pitfalls`).
    public func page(_ source: String) -> String {
        var path = Substring(source)
        var anchor = ""
        if let hash = path.firstIndex(of: "#") {
            anchor = String(path[hash...])
            path = path[..<hash]
        }
        let url = PageLocation(sourcePath: String(path)).url
        return base + url.dropFirst() + anchor
    }
}

internal import Mustache

// The values a page's templates read, as types that swift-mustache reads through its protocols
// instead of `[String: Any]` dictionaries and `String`s: each look-up then costs fewer dynamic
// casts (a third of a page's template time went to casts). A value that a dictionary would
// not hold (no description, no previous page) is `nil` here too, so a look-up goes on to the
// enclosing context exactly as it did.

/// A string value: `{{x}}` escapes it and `{{{x}}}` writes it as it is, as for a `String`.
///
/// swift-mustache tries four casts and `String(describing:)` on a `String` before writing it;
/// a `MustacheCustomRenderable` is written after two.
struct TemplateText: MustacheCustomRenderable, MustacheParent, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    var renderText: String { text }
    var isNull: Bool { false }

    /// Nothing: like a `String` that a section put on the context stack, it names no values,
    /// and the look-up goes on down the stack (without the `Mirror` a `String` costs).
    func child(named: String) -> Any? { nil }
}

/// `page`: the page being rendered. A class: swift-mustache boxes each value a look-up returns
/// as `Any`, and a reference is one pointer to copy where this struct was fourteen fields.
final class PageValues: MustacheParent {
    var title: TemplateText
    var url: TemplateText
    var pageKey: TemplateText
    /// The body: a `TemplateText`, or a `PageMarker` while the template renders.
    var content: Any
    var isHome: Bool
    var isSection: Bool
    var sourcePath: TemplateText
    /// Plain strings, so `{{page.tags}}` still writes the list as before.
    var tags: [String]
    var description: TemplateText?
    var type: TemplateText?
    var titleId: TemplateText?
    var editURL: TemplateText?
    var lastUpdated: LastUpdatedValues?
    /// The page's Markdown copy (`index.md`), when the site writes one (`llms`).
    var markdownURL: TemplateText?

    init(
        title: TemplateText, url: TemplateText, pageKey: TemplateText, content: Any, isHome: Bool, isSection: Bool,
        sourcePath: TemplateText, tags: [String], description: TemplateText?, type: TemplateText?,
        titleId: TemplateText?, editURL: TemplateText?, lastUpdated: LastUpdatedValues?, markdownURL: TemplateText? = nil
    ) {
        self.title = title
        self.url = url
        self.pageKey = pageKey
        self.content = content
        self.isHome = isHome
        self.isSection = isSection
        self.sourcePath = sourcePath
        self.tags = tags
        self.description = description
        self.type = type
        self.titleId = titleId
        self.editURL = editURL
        self.lastUpdated = lastUpdated
        self.markdownURL = markdownURL
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "pageKey": return pageKey
        case "content": return content
        case "isHome": return isHome
        case "isSection": return isSection
        case "sourcePath": return sourcePath
        case "tags": return tags
        case "hasTags": return !tags.isEmpty
        case "description": return description
        case "type": return type
        case "titleId": return titleId
        case "editURL": return editURL
        case "lastUpdated": return lastUpdated
        case "markdownURL": return markdownURL
        default: return nil
        }
    }
}

/// `page.lastUpdated`: the newest commit that changed the page's file (see `GitFact`).
struct LastUpdatedValues: MustacheParent {
    /// `14 Nov 2026`.
    var date: TemplateText
    /// `2026-11-14`, for `<time datetime>`.
    var iso: TemplateText
    var author: TemplateText
    /// The file's history in the repository, when `repository` is set.
    var historyURL: TemplateText?

    func child(named name: String) -> Any? {
        switch name {
        case "date": return date
        case "iso": return iso
        case "author": return author
        case "historyURL": return historyURL
        default: return nil
        }
    }
}

/// A link to another page: `section`, `breadcrumbs`, `prev`, `next`, `children`. A class, as
/// `PageValues` is.
final class LinkValues: MustacheParent {
    var title: TemplateText
    var url: TemplateText
    var description: TemplateText?
    /// Set on children that are sections only.
    var isSection: Bool?

    init(title: TemplateText, url: TemplateText, description: TemplateText?, isSection: Bool? = nil) {
        self.title = title
        self.url = url
        self.description = description
        self.isSection = isSection
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "description": return description
        case "isSection": return isSection
        default: return nil
        }
    }
}

/// A table-of-contents entry (`toc`) or a sidebar entry (`nav`); every key is set on every
/// entry (see `Navigation`). A class, as `PageValues` is.
final class TreeItem: MustacheParent {
    /// `id`, `text`, `level` for the table of contents; `title`, `url`, `depth`, `isSection`,
    /// `isActive` for the sidebar.
    var values: Values
    var items: [TreeItem]

    init(values: Values, items: [TreeItem]) {
        self.values = values
        self.items = items
    }

    enum Values {
        case heading(id: TemplateText, text: TemplateText, level: Int)
        case nav(title: TemplateText, url: TemplateText, depth: Int, isSection: Bool, isActive: Bool)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "items": return items
        case "hasItems": return !items.isEmpty
        default: break
        }
        switch values {
        case .heading(let id, let text, let level):
            switch name {
            case "id": return id
            case "text": return text
            case "level": return level
            default: return nil
            }
        case .nav(let title, let url, let depth, let isSection, let isActive):
            switch name {
            case "title": return title
            case "url": return url
            case "depth": return depth
            case "isSection": return isSection
            case "isActive": return isActive
            default: return nil
            }
        }
    }
}

/// The top of a page's context (see `ViewModel` for the keys). A class, as `PageValues` is:
/// swift-mustache copies the context it is given, and a reference is one pointer to copy.
final class PageContext: MustacheParent {
    var site: [String: TemplateText]
    var assets: TemplateText
    var page: PageValues
    /// The `<script>` tags that load the sidebar of the page's section: the one all sections
    /// share, when the sidebar is split, then the section's own (see `NavigationScript`).
    var navigation: TemplateText
    var section: LinkValues
    var toc: [TreeItem]
    var breadcrumbs: [LinkValues]
    var prev: LinkValues?
    var next: LinkValues?
    /// Section pages only.
    var children: [LinkValues]?
    /// The number of task items, when there are any.
    var taskCount: Int?
    /// The values of plans and lint pages (`TypedPageContext`), which win over the others.
    var typed: [String: Any] = [:]

    init(
        site: [String: TemplateText], assets: TemplateText, page: PageValues, navigation: TemplateText,
        section: LinkValues, toc: [TreeItem], breadcrumbs: [LinkValues], prev: LinkValues?, next: LinkValues?,
        children: [LinkValues]?, taskCount: Int?
    ) {
        self.site = site
        self.assets = assets
        self.page = page
        self.navigation = navigation
        self.section = section
        self.toc = toc
        self.breadcrumbs = breadcrumbs
        self.prev = prev
        self.next = next
        self.children = children
        self.taskCount = taskCount
    }

    func child(named name: String) -> Any? {
        if !typed.isEmpty, let value = typed[name] { return value }
        switch name {
        case "site": return site
        case "assets": return assets
        case "page": return page
        case "navigation": return navigation
        case "section": return section
        case "toc": return toc
        case "hasToc": return toc.count > 1
        case "breadcrumbs": return breadcrumbs
        case "hasBreadcrumbs": return !breadcrumbs.isEmpty
        case "prev": return prev
        case "next": return next
        case "children": return children
        case "hasChildren": return children.map { !$0.isEmpty }
        case "tasks": return taskCount.map { ["count": $0, "hasTasks": true] as [String: Any] }
        default: return nil
        }
    }
}

/// What a page is, as far as the code treats pages differently. It comes from the front
/// matter's `type:` (templates still select by that text); any other type, or none, is `.page`.
public enum PageKind: String, Sendable, Hashable, CaseIterable {
    /// An ordinary page, whatever its `type:` says.
    case page
    /// An engagement plan (`type: plan`): linted, and shown with `plan.mustache`.
    case plan
    /// The generated index of the lint rules (`/lint/`, `lint-index.mustache`).
    case lintIndex = "lint-index"
    /// A generated page of one lint rule (`/lint/<rule-id>/`, `lint-rule.mustache`).
    case lintRule = "lint-rule"
    /// The generated list of owners and their pages' reviews (`/owners/`, `owners.mustache`).
    case owners
    /// The generated page with every page in reading order, for printing (`/print/`,
    /// `print.mustache`).
    case print

    /// True for the pages written in the content (ordinary pages and plans), false for those
    /// the build generates (the lint pages, the owners, the print page).
    public var isWritten: Bool { self == .page || self == .plan }

    /// The kind a `type:` value names; `.page` for none or any other value.
    public init(type: String?) {
        self = type.flatMap(PageKind.init(rawValue:)) ?? .page
    }
}

extension Page {
    /// What the page is, from its `type:`.
    public var kind: PageKind { PageKind(type: type) }
}

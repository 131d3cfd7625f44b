internal import Mustache
internal import PlaybookDiagnostics

/// How `{{value}}` is escaped in every template: `<`, `>`, `&`, `"` and `'` as entities, the same
/// five swift-mustache's HTML type escapes.
///
/// Two differences, both on purpose: text with nothing to escape (most values) is returned as
/// it is after one pass over its bytes instead of being rebuilt Character by Character, which
/// was a tenth of a large build; and the scan is over bytes, so a `<` followed by a combining
/// mark (one Character, which a Character comparison lets through) is escaped too.
struct HTMLContentType: MustacheContentType {
    /// The name the templates' pragma uses.
    static let name = "PLAYBOOK_HTML"
    /// Put in front of every template so its `{{value}}`s use this type.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the type with swift-mustache once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        escapeHTML(text)
    }
}

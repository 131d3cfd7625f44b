public import PlaybookDiagnostics

/// The common front matter of a page, read from its YAML with every problem positioned.
public struct PageMetadata: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var weight: Int?
    public var isDraft = false
    public var type: String?
    public var tags: [String] = []
    /// The names of `order:`, which a section's page uses to order its entries.
    public var order: [OrderName] = []
    /// Old addresses of the page, where the build writes redirects.
    public var aliases: [PageAlias] = []
    /// The page's owner and review facts (`owner`, `reviewed`, `review-every`).
    public var freshness = PageFreshness()

    /// Keys every page may have.
    public static let commonKeys = ["title", "description", "weight", "draft", "type", "tags", "order", "aliases"] + PageFreshness.keys

    /// Keys that pages of a given `type` may add to the common ones.
    public static let keysByType: [String: [String]] = [
        "plan": [
            "customer", "accountable", "team", "start", "end", "promise", "plan", "execution",
            "outcomes", "checklists",
        ]
    ]

    /// Reads the metadata from the front matter's root node.
    ///
    /// - Returns: the metadata and the problems: an error when the front matter is not a
    ///   mapping or a value has the wrong type, a warning for each unknown key (except on plans,
    ///   whose keys the lint checks).
    public static func read(_ root: YAMLNode?, file: String) -> (PageMetadata, [Diagnostic]) {
        var metadata = PageMetadata()
        guard let root else { return (metadata, []) }
        guard let pairs = root.mapping else {
            return (
                metadata,
                [
                    .error(
                        "frontmatter/type", at: root.location,
                        "front matter must be a mapping of keys to values, not \(root.kindDescription)",
                        hint: "write it as 'title: My page' lines between the '---' lines")
                ]
            )
        }
        var reader = FieldReader(file: file)
        if let typeNode = root["type"] { metadata.type = reader.string(typeNode, key: "type") }
        let allowed = commonKeys + (metadata.type.flatMap { keysByType[$0] } ?? [])
        for (keyNode, value) in pairs {
            let key = keyNode.scalarText ?? ""
            switch key {
            case "title": metadata.title = reader.string(value, key: key)
            case "description": metadata.description = reader.string(value, key: key)
            case "weight": metadata.weight = reader.int(value, key: key)
            case "draft": metadata.isDraft = reader.bool(value, key: key) ?? false
            case "type": break
            case "tags": metadata.tags = reader.strings(value, key: key)
            case "order": metadata.order = reader.orderNames(value, key: key)
            case "aliases": metadata.aliases = reader.aliases(value, key: key)
            case "owner", "reviewed", "review-every":
                metadata.freshness.read(key: keyNode, value: value, reader: &reader)
            default:
                // A plan's keys, nested ones included, are checked by the lint (schema/unknown-key).
                if !allowed.contains(key), PageKind(type: metadata.type) != .plan {
                    reader.unknownKey(keyNode, known: allowed, in: "front matter")
                }
            }
        }
        return (metadata, reader.problems)
    }
}

public import PlaybookDiagnostics

/// One entry of `owners:` in `playbook.yml`: a person or team who may own pages, and how to
/// reach them.
public struct SiteOwner: Sendable, Hashable {
    /// The name pages write in `owner:`, positioned at its key.
    public var name: Located<String>
    /// A `mailto:`, `https:` or `http:` URL, when one is given.
    public var contact: String?

    /// Creates an owner.
    public init(name: Located<String>, contact: String? = nil) {
        self.name = name
        self.contact = contact
    }

    /// The URL schemes a contact may use; anything else (`javascript:`) is refused.
    public static let contactSchemes = ["mailto", "https", "http"]

    /// True when `text` is a URL with one of `contactSchemes` and something after the colon.
    public static func isContact(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon].lowercased()
        let rest = text[text.index(after: colon)...]
        guard contactSchemes.contains(scheme), !rest.isEmpty, !text.contains(where: { $0.isWhitespace || $0.isNewline })
        else { return false }
        return scheme == "mailto" ? rest.contains("@") : rest.hasPrefix("//") && rest.count > 2
    }
}

/// Whether a page without `owner:` is reported: `require-owner` under `freshness:`.
public enum OwnerRequirement: String, Sendable, Hashable, CaseIterable {
    /// Pages need no owner (the default, so existing sites see no new findings).
    case off
    /// A page without an owner is a warning.
    case warning
    /// A page without an owner is an error.
    case error
}

/// The `freshness:` section of `playbook.yml`.
public struct FreshnessConfig: Sendable, Hashable {
    /// How often pages without their own `review-every` are reviewed; `nil` when not set.
    public var reviewEvery: ReviewPeriod?
    /// Whether every page must name an owner.
    public var requireOwner: OwnerRequirement

    /// Creates the section; by default no period and no owner required.
    public init(reviewEvery: ReviewPeriod? = nil, requireOwner: OwnerRequirement = .off) {
        self.reviewEvery = reviewEvery
        self.requireOwner = requireOwner
    }

    /// The keys `freshness:` understands.
    public static let knownKeys = ["review-every", "require-owner"]
}

extension SiteConfig {
    /// Reads `owners:`: a mapping of names to `{ contact: URL }` (or to nothing).
    static func readOwners(_ node: YAMLNode, reader: inout FieldReader) -> [SiteOwner] {
        var owners: [SiteOwner] = []
        for (keyNode, value) in reader.mapping(node, key: "owners") {
            guard let name = keyNode.scalarText, !name.trimmingCharacters(in: " \t").isEmpty else {
                reader.error("config/owner", at: keyNode, "an owner needs a name", hint: "write 'Priya Nair: { contact: \"mailto:priya@example.org\" }'")
                continue
            }
            if owners.contains(where: { $0.name.value == name }) {
                reader.error("config/owner", at: keyNode, "'\(name)' is listed twice under 'owners'", hint: "keep one entry")
                continue
            }
            var owner = SiteOwner(name: Located(name, at: keyNode.location))
            for (fieldKey, fieldValue) in reader.mapping(value, key: "owners.\(name)") {
                guard fieldKey.scalarText == "contact" else {
                    reader.unknownKey(fieldKey, known: ["contact"], in: "the owner '\(name)'")
                    continue
                }
                guard let contact = reader.string(fieldValue, key: "contact") else { continue }
                if SiteOwner.isContact(contact) {
                    owner.contact = contact
                } else {
                    reader.error(
                        "config/contact", at: fieldValue, "the contact of '\(name)' must be a mailto:, https: or http: URL, not '\(contact)'",
                        hint: "such as 'mailto:priya@example.org' or 'https://chat.example.org/support'")
                }
            }
            owners.append(owner)
        }
        return owners
    }

    /// Reads `freshness:`: `review-every` (a period) and `require-owner` (off, warning or error).
    static func readFreshness(_ node: YAMLNode, reader: inout FieldReader) -> FreshnessConfig {
        var freshness = FreshnessConfig()
        for (keyNode, value) in reader.mapping(node, key: "freshness") {
            switch keyNode.scalarText {
            case "review-every":
                guard let text = reader.string(value, key: "freshness.review-every") else { continue }
                if let period = ReviewPeriod.parse(text) {
                    freshness.reviewEvery = period
                } else {
                    reader.error(
                        "field/value", at: value, "'freshness.review-every' must be a whole number of days, weeks, months or years, not '\(text)'",
                        hint: ReviewPeriod.examples)
                }
            case "require-owner":
                if let setting = reader.choice(value, key: "freshness.require-owner", from: OwnerRequirement.self) {
                    freshness.requireOwner = setting
                }
            default:
                reader.unknownKey(keyNode, known: FreshnessConfig.knownKeys, in: "'freshness'")
            }
        }
        return freshness
    }
}

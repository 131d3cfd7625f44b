internal import Foundation

/// How file and folder names become URL path segments.
public enum URLStyle: String, Sendable, Hashable, CaseIterable {
    /// Lower-case ASCII with hyphens: `Team Norms.md` → `team-norms`, `Équipe` → `equipe`.
    case slug
    /// The name as written, percent-encoded where URLs need it.
    case keep
}

/// Turns a file or folder name into a URL path segment.
public enum URLSlug {
    /// `Team Norms` → `team-norms`; `Café ☕ 2024` → `cafe-2024`; `日本` → `ri-ben`.
    ///
    /// Letters and digits are kept (other scripts transliterated to Latin, accents dropped),
    /// `-` and `_` are kept, and every other run of characters becomes one hyphen. A name with
    /// nothing left (only symbols) keeps its written form, so it still has a URL.
    public static func segment(_ name: String) -> String {
        let ascii = name.utf8.allSatisfy { $0 < 0x80 } ? name : transliterated(name)
        var slug: [UInt8] = []
        slug.reserveCapacity(ascii.utf8.count)
        var pendingHyphen = false
        for byte in ascii.utf8 {
            let keep: UInt8?
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "_"):
                keep = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): keep = byte + 32
            default: keep = nil
            }
            if let keep {
                if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(keep)
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? name : String(decoding: slug, as: UTF8.self)
    }

    /// The name in ASCII: other scripts to Latin, then accents and ligatures dropped.
    private static func transliterated(_ name: String) -> String {
        name.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false)
            ?? name.folding(options: .diacriticInsensitive, locale: nil)
    }
}

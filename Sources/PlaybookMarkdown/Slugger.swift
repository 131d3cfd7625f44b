/// Makes anchor ids the way GitHub does, so links written for GitHub keep working:
/// lower case, punctuation dropped, spaces to hyphens, `-1`, `-2`… for repeats.
public struct Slugger: Sendable {
    private var seen: [String: Int] = [:]
    private var used: Set<String> = []

    /// Creates a slugger with no ids taken.
    public init() {}

    /// The GitHub-style slug of `text`, without de-duplication.
    public static func slug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
            {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The same slug over bytes for ASCII text (nearly every heading): ten times faster than
    /// asking Unicode about each scalar. `nil` when the text is not all ASCII.
    private static func asciiSlug(_ text: String) -> String? {
        // Over the contiguous bytes where the string has them: the UTF-8 view's iterator cost
        // thirty instructions a byte.
        text.utf8.withContiguousStorageIfAvailable(asciiSlug) ?? asciiSlug(Array(text.utf8))
    }

    private static func asciiSlug<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.append(byte)
            case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A slug of `text` not returned before by this slugger; `fallback` when the slug is empty.
    public mutating func unique(_ text: String, fallback: String = "section") -> String {
        var base = Self.slug(text)
        if base.isEmpty { base = fallback }
        // A slug not taken yet is its own id (one hash instead of four); `seen` has no entry
        // for it then, which reads as no repeats.
        if used.insert(base).inserted { return base }
        var candidate = base
        var repeats = seen[base] ?? 0
        while used.contains(candidate) {
            repeats += 1
            candidate = "\(base)-\(repeats)"
        }
        seen[base] = repeats
        used.insert(candidate)
        return candidate
    }
}

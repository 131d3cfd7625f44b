/// Makes anchor ids the way GitHub does, so links written for GitHub keep working:
/// lower case, punctuation dropped, spaces to hyphens, `-1`, `-2`… for repeats.
public struct Slugger: Sendable {
    private var seen: [String: Int] = [:]
    private var used: Set<String> = []

    /// Creates a slugger with no ids taken.
    public init() {}

    /// The GitHub-style slug of `text`, without de-duplication.
    public static func slug(_ text: String) -> String {
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

    /// A slug of `text` not returned before by this slugger; `fallback` when the slug is empty.
    public mutating func unique(_ text: String, fallback: String = "section") -> String {
        var base = Self.slug(text)
        if base.isEmpty { base = fallback }
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

public import PlaybookBuild

/// The search index's stems by Snowball (libstemmer), for the languages it has.
public struct SnowballStemming: Stemming {
    public init() {}

    /// A stemmer of its own for each call, since libstemmer's keep state between words.
    public func stems(of words: [String], language: String) -> [String]? {
        guard let stemmer = Stemmer(language: language) else { return nil }
        return words.map { stemmer.stem($0) }
    }
}

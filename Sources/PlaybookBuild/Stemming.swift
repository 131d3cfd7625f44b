/// What reduces the search index's words to their stem, so "mentors" finds "mentor". The build
/// knows only this protocol: the command line hands in Snowball's stemmers
/// (`PlaybookStemmer.SnowballStemming`) through `BuildOptions.stemming`; without one, words
/// are indexed as written.
public protocol Stemming: Sendable {
    /// The stem of each of `words` (lower case, accents folded) in `language` (an ISO 639 code
    /// such as `en` or `pt-BR`), in order; `nil` when there is no stemmer for the language.
    /// Called from several tasks at once.
    func stems(of words: [String], language: String) -> [String]?
}

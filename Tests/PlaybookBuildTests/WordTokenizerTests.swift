import Testing

@testable import PlaybookBuild

/// The search index's tokenizer: words as the index wants them, and with `distinct` each word
/// once per document.
@Suite struct WordTokenizerTests {
    @Test func wordsAreLowerCaseWithoutStopWordsOrSingleLetters() {
        #expect(SearchIndex.words("The Plan is a promise, kept: Ökonomie 2024 x AND thatch") == [
            "plan", "promise", "kept", "ökonomie", "2024", "thatch",
        ])
    }

    @Test func distinctWordsAreKeptOncePerDocument() {
        var tokenizer = WordTokenizer(distinct: true)
        tokenizer.startDocument()
        tokenizer.scan("Promise plan PROMISE")
        tokenizer.scan("plan outcome promise Über über")
        #expect(tokenizer.words == ["promise", "plan", "outcome", "über"])
        tokenizer.startDocument()
        tokenizer.scan("plan plan")
        #expect(tokenizer.words == ["plan"], "a new document starts with nothing seen")
    }

    @Test func thousandsOfDistinctWordsInOneDocumentAreAllKept() {
        let text = (0..<5_000).map { "word\($0)" }.joined(separator: " ")
        var tokenizer = WordTokenizer(distinct: true)
        for _ in 0..<3 {
            tokenizer.startDocument()
            tokenizer.scan(text)
            tokenizer.scan(text)
            #expect(tokenizer.words == (0..<5_000).map { "word\($0)" })
        }
    }
}

import Testing

@testable import PlaybookBuild

/// The search index's tokenizer: words as the index wants them, and with `distinct` each word
/// once per document.
@Suite struct WordTokenizerTests {
    func words(_ text: String) -> [String] {
        var tokenizer = WordTokenizer(distinct: false)
        tokenizer.scan(text)
        return tokenizer.words
    }

    @Test func wordsAreLowerCaseWithoutStopWordsOrSingleLetters() {
        #expect(words("The Plan is a promise, kept: Ökonomie 2024 x AND thatch") == [
            "plan", "promise", "kept", "okonomie", "2024", "thatch",
        ])
    }

    @Test func wordsLongerThan64BytesAreLeftOut() {
        #expect(words(String(repeating: "x", count: 64) + " " + String(repeating: "y", count: 65) + " ok") == [
            String(repeating: "x", count: 64), "ok",
        ])
        #expect(words(String(repeating: "é", count: 70)).isEmpty, "70 bytes once folded")
    }

    @Test func accentsOfLatinGreekAndCyrillicLettersAreFolded() {
        #expect(words("Café NAÏVE Ångström Ελλάδα йод") == ["cafe", "naive", "angstrom", "ελλαδα", "иод"])
        #expect(words("Straße Øre") == ["straße", "øre"], "letters without a decomposition stay")
        #expect(words("हिंदी") == ["हिंदी"], "marks of other scripts stay")
    }

    @Test func chineseJapaneseAndKoreanAreSplitIntoPairs() {
        #expect(words("客户体验") == ["客户", "户体", "体验"])
        #expect(words("お客様 x 声。OK 한국어") == ["お客", "客様", "声", "ok", "한국", "국어"])
        #expect(words("plan客户") == ["plan", "客户"])
    }

    @Test func distinctWordsAreCountedWithTheFieldsTheyStandIn() {
        var tokenizer = WordTokenizer(distinct: true)
        tokenizer.field = 1
        tokenizer.scan("Plan plan")
        tokenizer.field = 4
        tokenizer.scan("plan outcome")
        #expect(tokenizer.words == ["plan", "outcome"])
        #expect(tokenizer.counts == [3, 1])
        #expect(tokenizer.fields == [5, 4])
    }

    @Test func distinctWordsAreKeptOncePerDocument() {
        var tokenizer = WordTokenizer(distinct: true)
        tokenizer.startDocument()
        tokenizer.scan("Promise plan PROMISE")
        tokenizer.scan("plan outcome promise Über über")
        #expect(tokenizer.words == ["promise", "plan", "outcome", "uber"])
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

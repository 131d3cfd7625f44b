import PlaybookBuild
import Testing

@testable import PlaybookStemmer

/// Snowball's stemmers through libstemmer.
@Suite struct StemmerTests {
    @Test func englishWordsShareTheirStem() throws {
        let stemmer = try #require(Stemmer(language: "en"))
        #expect(stemmer.stem("checklists") == stemmer.stem("checklist"))
        #expect(stemmer.stem("mentors") == "mentor")
        #expect(stemmer.stem("escalated") == stemmer.stem("escalation"))
    }

    @Test func theBuildsStemmingStemsEachWordAndKnowsNoStemmerForChinese() {
        let stemming = SnowballStemming()
        #expect(stemming.stems(of: ["checklists", "owners"], language: "en") == ["checklist", "owner"])
        #expect(stemming.stems(of: ["客户"], language: "zh") == nil)
    }

    @Test func languagesAreFoundByCodeOrRegionalCode() {
        #expect(Stemmer(language: "fr") != nil)
        #expect(Stemmer(language: "pt-BR") != nil)
        #expect(Stemmer(language: "german") != nil)
        #expect(Stemmer(language: "zh") == nil, "Snowball has no Chinese stemmer: words stay whole")
        #expect(Stemmer(language: "") == nil)
        #expect(Stemmer.languages.contains("english"))
    }
}

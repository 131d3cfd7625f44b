import PlaybookMarkdown
import Testing

@Suite struct SluggerTests {
    @Test(arguments: [
        ("What good looks like", "what-good-looks-like"),
        ("\"Will you travel to Baku?\"", "will-you-travel-to-baku"),
        ("Step 1: The Promise", "step-1-the-promise"),
        ("Hand-offs & partners", "hand-offs--partners"),
        ("snake_case stays", "snake_case-stays"),
        ("Überblick für Teams", "überblick-für-teams"),
    ])
    func slugMatchesGitHub(text: String, expected: String) {
        #expect(Slugger.slug(text) == expected)
    }

    @Test func repeatsGetNumberedSuffixes() {
        var slugger = Slugger()
        #expect(slugger.unique("Pitfalls") == "pitfalls")
        #expect(slugger.unique("Pitfalls") == "pitfalls-1")
        #expect(slugger.unique("Pitfalls") == "pitfalls-2")
        #expect(slugger.unique("Pitfalls 1") == "pitfalls-1-1")
    }

    @Test func emptySlugFallsBack() {
        var slugger = Slugger()
        #expect(slugger.unique("???") == "section")
        #expect(slugger.unique("!!!") == "section-1")
    }
}

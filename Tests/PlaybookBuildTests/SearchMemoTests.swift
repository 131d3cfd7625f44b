import Foundation
@testable import PlaybookBuild
import PlaybookStemmer
import Testing

/// An index made by patching the last build's words (`SearchMemo`) is the index a full
/// gathering of every page's words makes, byte for byte, memo included.
@Suite struct SearchMemoTests {
    static let vocabulary = [
        "promise", "promises", "promised", "plan", "planning", "planned", "outcome", "outcomes", "measure", "measured",
        "customer", "customers", "handoff", "escalation", "escalate", "kickoff", "review", "reviews", "owner", "owners",
        "café", "straße", "zebra", "alpha", "beta", "gamma", "delta", "check-in", "x2", "42", "客户", "体验",
    ]

    /// A page whose words are picked from the vocabulary by `seed`.
    static func part(_ number: Int, seed: Int, extra: String = "") -> SearchPart {
        var generator = Generator(state: UInt64(seed * 7919 + number))
        func words(_ count: Int) -> String {
            (0..<count).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
        }
        let page = SearchPage(
            url: "/p\(number)/", title: "Page \(number) " + words(2), description: words(3),
            sections: [
                SearchPage.Section(anchor: "", heading: "", text: words(12) + " " + extra),
                SearchPage.Section(anchor: "a", heading: words(2), text: words(20)),
            ])
        return SearchPart(page: page)
    }

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
    }

    func changes(from old: [SearchPart], to new: [SearchPart]) -> [SearchMemo.Change] {
        zip(old, new).enumerated().compactMap { number, pair in
            pair.0 == pair.1 ? nil : SearchMemo.Change(page: Int32(number), old: pair.0, new: pair.1)
        }
    }

    @Test(arguments: [true, false])
    func aPatchedIndexIsTheIndexOfEveryPageGatheredAgain(stemmed: Bool) {
        let stemming: (any Stemming)? = stemmed ? SnowballStemming() : nil
        let before = (0..<60).map { Self.part($0, seed: 1) }
        var after = before
        after[3] = Self.part(3, seed: 2)  // other words
        after[17] = Self.part(17, seed: 3, extra: "brandnew unheard zebras")  // new words, one a stem already there
        after[59] = SearchPart(page: SearchPage(url: "/p59/", title: "Empty", description: "", sections: []))
        after[0] = Self.part(0, seed: 1, extra: "alpha alpha alpha")  // a word turns frequent
        let first = SearchIndex.index(parts: before, language: "en", stemming: stemming)
        let patched = SearchIndex.index(
            parts: after, language: "en", stemming: stemming, patching: (first.memo, changes(from: before, to: after)))
        let full = SearchIndex.index(parts: after, language: "en", stemming: stemming)
        let patch = Vocabulary(
            patching: first.memo, changes: changes(from: before, to: after), pageCount: after.count,
            generation: SearchIndex.generation(of: after), language: "en", stemming: stemming)
        #expect(patch != nil, "the memo fits: patched, not gathered anew")
        #expect(patched.files == full.files)
        #expect(patched.memo == full.memo)
        #expect(patched.files != first.files)
        // The stems the edits did not touch are taken from the memo as they are, not encoded again.
        var marked = first.memo
        marked.encoded = marked.encoded.map { _ in "[\"kept\"]" }
        let reused = SearchIndex.index(
            parts: after, language: "en", stemming: stemming, patching: (marked, changes(from: before, to: after)))
        let texts = reused.files.map(\.text).joined()
        #expect(texts.contains("[\"kept\"]"))

        // And back: the words only the edited pages had are gone again.
        let back = SearchIndex.index(
            parts: before, language: "en", stemming: stemming, patching: (patched.memo, changes(from: after, to: before)))
        #expect(back.files == first.files)
        #expect(back.memo == first.memo)
    }

    /// A page of 200 words spread over many starts, so the index has many shards.
    static func widePart(_ number: Int, extra: String = "") -> SearchPart {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let words = (0..<200).map { "\(letters[($0 + number) % 26])\(number)x\($0)" }.joined(separator: " ")
        return SearchPart(page: SearchPage(
            url: "/p\(number)/", title: "Page \(number)", description: "",
            sections: [SearchPage.Section(anchor: "", heading: "", text: words + " " + extra)]))
    }

    /// A patch for an edit (`CachedEdit`) makes only the shards whose words or stems changed,
    /// and the manifest; the others keep the files the last build wrote, which are the ones a
    /// full gathering makes.
    @Test func aPatchMakesOnlyTheShardsWhoseWordsChanged() throws {
        let before = (0..<60).map { Self.widePart($0) }
        var after = before
        after[5] = Self.widePart(5, extra: "zzyzx")
        let first = SearchIndex.index(parts: before, language: "en", stemming: nil)
        let full = SearchIndex.index(parts: after, language: "en", stemming: nil)
        let patched = try #require(SearchIndex.patched(
            memo: first.memo, changes: changes(from: before, to: after), pageCount: after.count, language: "en", stemming: nil))
        #expect(patched.memo == full.memo)
        let shards = full.files.filter { $0.path.hasPrefix("search/t/") }
        let made = patched.files.filter { $0.path.hasPrefix("search/t/") }
        #expect(shards.count > 10 && made.count == 1, "the shard of \"zzyzx\" alone: \(made.map(\.path))")
        #expect(patched.files.first { $0.path == SearchIndex.manifestPath } == full.files.first { $0.path == SearchIndex.manifestPath })
        let kept = Set(first.files)
        for shard in shards where !made.contains(shard) { #expect(kept.contains(shard), "\(shard.path) is the last build's") }
    }

    @Test func aMemoOfOtherPagesOrAnotherLanguageIsNotPatched() {
        let parts = (0..<10).map { Self.part($0, seed: 1) }
        let memo = SearchIndex.index(parts: parts, language: "en", stemming: SnowballStemming()).memo
        let more = parts + [Self.part(10, seed: 1)]
        let full = SearchIndex.index(parts: more, language: "en", stemming: SnowballStemming())
        let wrong = SearchIndex.index(parts: more, language: "en", stemming: SnowballStemming(), patching: (memo, []))
        #expect(wrong.files == full.files, "another page list: gathered anew")
        let unstemmed = SearchIndex.index(parts: parts, language: "en", stemming: nil, patching: (memo, []))
        #expect(unstemmed.files == SearchIndex.index(parts: parts, language: "en", stemming: nil).files)
    }

    @Test func theMemoReadsBackFromTheCacheAsItWasWritten() throws {
        let parts = (0..<40).map { Self.part($0, seed: 5) }
        var memo = SearchIndex.index(parts: parts, language: "en", stemming: SnowballStemming()).memo
        memo.sources = IndexStage.key(of: ["a.md", "b.md"])
        #expect(memo.sources != IndexStage.key(of: ["b.md", "a.md"]), "the pages' order counts")
        var writer = CacheWriter()
        writer.searchMemo(memo)
        var reader = CacheReader(writer.bytes)
        #expect(try reader.searchMemo() == memo)
        #expect(reader.isAtEnd)
        var damaged = writer.bytes
        damaged[damaged.count / 2] ^= 0xFF
        var damagedReader = CacheReader(damaged)
        #expect((try? damagedReader.searchMemo()) != memo)
    }

    @Test func aShareFromTheCacheIsDecodedOnlyWhenAskedAndWrittenBackAsItWas() throws {
        let part = Self.part(1, seed: 3)
        var writer = CacheWriter()
        writer.searchPart(part)
        var reader = CacheReader(writer.bytes)
        let read = try reader.searchPart()
        #expect(read.encodedTerms != nil, "not decoded yet")
        var again = CacheWriter()
        again.searchPart(read)
        #expect(again.bytes == writer.bytes)
        #expect(read == part)
        #expect(read.encodedTerms == nil, "decoded once asked")
        #expect(read.words == part.words && read.fields == part.fields && read.bucketStarts == part.bucketStarts)
    }

    @Test func onlyAFewChangedPagesArePatched() {
        let parts = (0..<200).map { Self.part($0, seed: 1) }
        let sources = (0..<200).map { "p\($0).md" }
        let previous = Dictionary(uniqueKeysWithValues: zip(sources, parts))
        var edited = parts
        edited[4] = Self.part(4, seed: 9)
        #expect(IndexStage.changes(parts: edited, sources: sources, previous: previous)?.map(\.page) == [4])
        var many = parts
        for number in 0..<30 { many[number] = Self.part(number, seed: 9) }
        #expect(IndexStage.changes(parts: many, sources: sources, previous: previous) == nil, "more than an eighth")
        #expect(IndexStage.changes(parts: parts, sources: sources, previous: [:]) == nil, "no shares from before")
    }
}

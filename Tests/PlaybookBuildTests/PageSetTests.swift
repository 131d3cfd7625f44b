import Testing

@testable import PlaybookBuild

/// The page sets of a search shard: a gap list or a bitmap, whichever is shorter.
@Suite struct PageSetTests {
    @Test func rarePagesAreAGapListAndCommonOnesABitmap() {
        #expect(PageSet.encode([0, 1, 2, 40], pageCount: 100) == "0.0.0.11")
        #expect(PageSet.encode([], pageCount: 100) == "")
        let dense = PageSet.encode(Array(0..<90).map(Int32.init), pageCount: 100)
        #expect(dense.hasPrefix("~"))
        #expect(dense.count == 1 + 17 + 1, "13 bytes as base64url without padding")
        // Bits 0, 1, 2 and 9: bytes 0x07, 0x02, shorter than "0.0.0.6".
        #expect(PageSet.encode([0, 1, 2, 9], pageCount: 16) == "~BwI")
        #expect(PageSet.encode(Array(0..<16).map(Int32.init), pageCount: 16) == "~__8")
    }

    @Test func bitmapsHoldPagesPastTheFirst256() {
        let pages = Array(stride(from: 0, to: 1_000, by: 2)).map(Int32.init)
        let encoded = PageSet.encode(pages, pageCount: 1_000)
        #expect(encoded.hasPrefix("~"))
        #expect(encoded.count == 1 + 167)
    }
}

internal import Foundation

/// A search share's terms, decoded from the build cache's bytes the first time they are asked
/// for (by any thread), then kept.
final class TermStorage: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: SearchPart.Terms?
    private var bytes: ArraySlice<UInt8>?

    init(_ terms: SearchPart.Terms) {
        decoded = terms
    }

    /// Bytes as `CacheWriter.searchTerms` wrote them (after their length), checked when decoded.
    init(encoded: ArraySlice<UInt8>) {
        bytes = encoded
    }

    var terms: SearchPart.Terms {
        lock.withLock {
            if let decoded { return decoded }
            var reader = CacheReader(Array(bytes ?? []))
            // Written from terms that were checked, under the file's checksum, so this does not
            // fail; if it did, the share would have no words.
            let terms = (try? reader.searchTerms()) ?? SearchPart.Terms(
                words: [], fields: [], bucketStarts: Array(repeating: 0, count: SearchIndex.bucketCount + 1))
            decoded = terms
            bytes = nil
            return terms
        }
    }

    /// The bytes, while the terms are not decoded.
    var encoded: ArraySlice<UInt8>? { lock.withLock { bytes } }
}

extension CacheWriter {
    /// A share's words, their fields and its bucket starts, after their length in bytes: a
    /// reader skips them without looking at every word.
    mutating func searchTerms(_ part: SearchPart) {
        if let encoded = part.encodedTerms {
            int(encoded.count)
            raw(encoded)
            return
        }
        let terms = part.terms
        var inner = CacheWriter(capacity: 64 * terms.words.count)
        inner.strings(terms.words)
        inner.array(terms.fields) { $0.int(Int($1)) }
        inner.array(terms.bucketStarts) { $0.int(Int($1)) }
        int(inner.bytes.count)
        raw(inner.bytes)
    }
}

extension CacheReader {
    /// What `searchTerms` wrote after the length, decoded and checked.
    mutating func searchTerms() throws -> SearchPart.Terms {
        let terms = SearchPart.Terms(
            words: try strings(), fields: try array { UInt8(truncatingIfNeeded: try $0.int()) },
            bucketStarts: try array { Int32(truncatingIfNeeded: try $0.int()) })
        guard terms.isValid, isAtEnd else { throw Corrupt() }
        return terms
    }

    /// The bytes of a share's terms, decoded when the share is asked for them. The pages file's
    /// checksum guards them meanwhile; decoding checks them again.
    mutating func encodedSearchTerms() throws -> ArraySlice<UInt8> {
        try raw(try int())
    }
}

internal import Foundation
internal import PlaybookModel

/// Where each page's Markdown copy is in `llms-full.txt`, by source path: a later build takes
/// the copies of the pages it keeps from that file instead of parsing their Markdown again.
struct LlmsCopies: Sendable, Equatable {
    /// The size in bytes of the `llms-full.txt` the ranges are in.
    var size: Int
    /// Each page's copy, as a range of that file's bytes.
    var ranges: [String: Range<Int>]

    /// `llms-full.txt`: `heading`, then each copy after a blank line, in the order given; with
    /// where each copy is in it.
    static func joined(heading: String, copies: [(source: String, text: String)]) -> (text: String, copies: LlmsCopies) {
        var text = heading
        text.reserveCapacity(heading.utf8.count + copies.reduce(0) { $0 + $1.text.utf8.count + 1 })
        var ranges: [String: Range<Int>] = [:]
        ranges.reserveCapacity(copies.count)
        for copy in copies {
            text += "\n"
            let start = text.utf8.count
            text += copy.text
            ranges[copy.source] = start..<text.utf8.count
        }
        return (text, LlmsCopies(size: text.utf8.count, ranges: ranges))
    }

    /// The copies of an earlier build, read back from the `llms-full.txt` it left in its
    /// output folder (ignored when that file is not the size it was written with).
    struct Previous: Sendable {
        private let bytes: Data
        private let ranges: [String: Range<Int>]

        init?(_ copies: LlmsCopies?, folder: String) {
            guard let copies, let bytes = FileManager.default.contents(atPath: PathText.join(folder, LlmsFiles.fullPath)),
                bytes.count == copies.size
            else { return nil }
            self.bytes = bytes
            ranges = copies.ranges
        }

        /// The copy of the page read from `source`, if that build made one.
        func copy(of source: String) -> String? {
            guard let range = ranges[source], range.upperBound <= bytes.count else { return nil }
            return String(decoding: bytes[bytes.startIndex + range.lowerBound..<bytes.startIndex + range.upperBound], as: UTF8.self)
        }
    }
}

internal import Foundation

/// What makes two spellings one search word, shared with the browser's search script
/// (`templates/assets/search-worker.js` does the same steps, in the same order).
enum Folding {
    /// `word` (lower case already) with the accents of Latin, Greek and Cyrillic letters taken
    /// off, so "café" and "cafe" are one word: decomposed (NFD), every mark that follows such a
    /// letter dropped, composed again (NFC). Marks of other scripts (Devanagari vowel signs,
    /// Hangul, which NFD splits into parts) are kept as they are.
    static func fold(_ word: String) -> String {
        guard word.utf8.contains(where: { $0 >= 0x80 }) else { return word }
        var kept = String.UnicodeScalarView()
        var foldsMarks = false
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars {
            if isMark(scalar) {
                if foldsMarks { continue }
            } else {
                foldsMarks = scalar.value < 0x530 || (0x1E00...0x1EFF).contains(scalar.value)
            }
            kept.append(scalar)
        }
        return String(kept).precomposedStringWithCanonicalMapping
    }

    /// True for a character of a script written without spaces between words (Chinese,
    /// Japanese, Korean), which the index splits into pairs of characters.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF,  // Hiragana, Katakana
            0x31F0...0x31FF,  // Katakana phonetic extensions
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xAC00...0xD7AF,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFF66...0xFF9F,  // half-width Katakana
            0x20000...0x2FA1F:  // CJK extensions B to F, compatibility supplement
            return true
        default:
            return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

/// Words left out of the index: too common to tell pages apart.
enum StopWords {
    /// Every one is ASCII and four letters or fewer (the tokenizer relies on it).
    static let all: [String] = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of",
        "on", "or", "that", "the", "this", "to", "was", "with",
    ]
}

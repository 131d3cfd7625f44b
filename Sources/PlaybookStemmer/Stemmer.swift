internal import CStemmer

/// One Snowball stemmer (libstemmer) for a language: the only code that calls `sb_stemmer_*`,
/// and the owner of its C memory, freed when the stemmer goes.
///
/// libstemmer's stemmers keep state between calls, so an instance belongs to one task at a time;
/// the index makes one per task.
final class Stemmer {
    private let handle: OpaquePointer

    /// The stemmer for `language` (an ISO 639 code such as `en`, `fr`, `pt-BR`, or a Snowball
    /// name such as `english`), or `nil` when Snowball has none for it: words are then kept whole.
    init?(language: String) {
        let code = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        guard !code.isEmpty, let handle = sb_stemmer_new(code, "UTF_8") else { return nil }
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of `word`, which must already be lower case; `word` itself when libstemmer
    /// gives nothing back (out of memory).
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress,
                let stemmed = sb_stemmer_stem(handle, base, Int32(bytes.count))
            else { return String(decoding: bytes, as: UTF8.self) }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
        }
    }

    /// The languages libstemmer knows, by Snowball name.
    static var languages: [String] {
        var names: [String] = []
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.append(String(cString: name))
            list += 1
        }
        return names
    }
}

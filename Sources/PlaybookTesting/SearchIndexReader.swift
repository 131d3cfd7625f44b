public import PlaybookBuild
internal import Foundation

/// Reads a built site's search index the way the browser's script does, for tests: the shard
/// of a word by the longest start that begins it, the pages of its stem, a page's fragment.
public struct SearchIndexReader {
    /// The index's files by output path.
    public let files: [String: String]
    /// The manifest, decoded.
    public let manifest: [String: Any]

    /// The index of a build, in memory or in its output folder; `nil` when it has none.
    public init?(result: BuildResult) {
        // An edit built by the cache's quick path lists only the files it changed.
        if result.files.isEmpty, let output = result.output {
            self.init(folder: output)
            return
        }
        var files: [String: String] = [:]
        for file in result.files where file.path.hasPrefix("search/") {
            files[file.path] = FixtureSite.text(result, file.path)
        }
        self.init(files: files)
    }

    /// The index in the output folder `folder`.
    public init?(folder: String) {
        var files: [String: String] = [:]
        let root = folder + "/search"
        let walker = FileManager.default.enumerator(atPath: root)
        while let path = walker?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: root + "/" + path) {
                files["search/" + path] = String(decoding: data, as: UTF8.self)
            }
        }
        self.init(files: files)
    }

    /// The index made of `files` (by output path); `nil` without a readable manifest.
    public init?(files: [String: String]) {
        guard let text = files["search/index.json"],
            let manifest = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        else { return nil }
        self.files = files
        self.manifest = manifest
    }

    public var pageCount: Int { manifest["pages"] as? Int ?? 0 }
    public var shardNames: [String: String] { manifest["shards"] as? [String: String] ?? [:] }

    /// The decoded shard that holds `word`.
    public func shard(for word: String) -> [String: Any]? {
        let start = shardNames.keys.filter { word.hasPrefix($0) }.max { $0.count < $1.count }
        guard let start, let name = shardNames[start], let text = files["search/t/\(name).json"] else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }

    /// The pages of `word`'s stem: all (`set` 0), with it in the title (1), in a heading (2),
    /// three times or more (3). Empty when the index does not have the word.
    public func pages(of word: String, set: Int = 0) -> [Int] {
        guard let shard = shard(for: word), let words = shard["w"] as? [String: Int], let stem = words[word],
            let stems = shard["s"] as? [[String]], stem < stems.count
        else { return [] }
        return Self.decode(stems[stem][set], pageCount: pageCount)
    }

    /// The written words of the index that share `word`'s stem.
    public func variants(of word: String) -> [String] {
        guard let shard = shard(for: word), let words = shard["w"] as? [String: Int], let stem = words[word] else { return [] }
        return words.filter { $0.value == stem }.map(\.key).sorted()
    }

    /// Page `number`'s fragment: its address, title and sections (anchor, heading, text).
    public func fragment(_ number: Int) -> (url: String, title: String, sections: [[String]])? {
        guard let generation = manifest["fragments"] as? String,
            let text = files["search/\(generation)/\(number).json"],
            let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any], array.count == 3,
            let url = array[0] as? String, let title = array[1] as? String, let sections = array[2] as? [[String]]
        else { return nil }
        return (url, title, sections)
    }

    /// The page numbers of a `PageSet`: a base-36 gap list, or "~" and a base64url bitmap.
    public static func decode(_ encoded: String, pageCount: Int) -> [Int] {
        if encoded.isEmpty { return [] }
        guard encoded.first == "~" else {
            var page = -1
            return encoded.split(separator: ".").map {
                page += (Int($0, radix: 36) ?? 0) + 1
                return page
            }
        }
        var base64 = encoded.dropFirst().replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let bytes = Data(base64Encoded: base64) else { return [] }
        return (0..<pageCount).filter { $0 / 8 < bytes.count && bytes[$0 / 8] >> ($0 % 8) & 1 == 1 }
    }
}

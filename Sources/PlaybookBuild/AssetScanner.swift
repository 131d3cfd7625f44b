internal import Foundation
internal import PlaybookModel

/// Lists the files under `templates/assets/`, copied to `assets/` in the output.
enum AssetScanner {
    /// Output-relative paths (`assets/style.css`) and their absolute sources, sorted.
    static func files(in templatesDir: String) -> [(output: String, source: String)] {
        let assetsDir = PathText.join(templatesDir, "assets")
        guard let enumerator = FileManager.default.enumerator(atPath: assetsDir) else { return [] }
        var files: [(String, String)] = []
        for case let relative as String in enumerator {
            let full = PathText.join(assetsDir, relative)
            var isDirectory: ObjCBool = false
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files.append(("assets/" + relative, full))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}

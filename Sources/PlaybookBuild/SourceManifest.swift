internal import Foundation
internal import PlaybookRender

/// When a file last changed, as `stat` tells it: equal stamps mean the build may trust what it
/// cached about the file without reading it.
struct FileStamp: Equatable, Sendable {
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var inode: Int

    init(size: Int, modifiedSeconds: Int, modifiedNanoseconds: Int, inode: Int) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }

    init(_ info: stat) {
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        inode = Int(info.st_ino)
    }
}

/// Every file a build reads, by site-relative path (`playbook.yml`, `content/a.md`,
/// `templates/page.mustache`), with its stamp. Made with `stat` alone, so checking a
/// 10,000-page site for changes costs milliseconds.
struct SourceManifest: Equatable, Sendable {
    /// Site-relative paths and stamps, sorted by path.
    var files: [(path: String, stamp: FileStamp)]

    static func == (a: SourceManifest, b: SourceManifest) -> Bool {
        a.files.count == b.files.count && zip(a.files, b.files).allSatisfy { $0.path == $1.path && $0.stamp == $1.stamp }
    }

    /// Stats the site's configuration, content, templates and `examples/` (the plans that
    /// ```lint fences read). Hidden files and folders are left out, as the build leaves them out;
    /// symbolic links to folders are not followed.
    static func scan(site root: String) -> SourceManifest {
        var files: [(String, FileStamp)] = []
        var info = stat()
        if stat(root + "/playbook.yml", &info) == 0 { files.append(("playbook.yml", FileStamp(info))) }
        for folder in ["content", "templates", LintFence.folder] {
            visit(root + "/" + folder, relative: folder, depth: 0, into: &files)
        }
        files.sort { $0.0 < $1.0 }
        return SourceManifest(files: files)
    }

    /// Paths whose stamp differs between the two manifests, or that only one of them has.
    func changedPaths(since earlier: SourceManifest) -> Set<String> {
        let before = Dictionary(earlier.files.map { ($0.path, $0.stamp) }, uniquingKeysWith: { $1 })
        var changed: Set<String> = []
        var seen: Set<String> = []
        for (path, stamp) in files {
            seen.insert(path)
            if before[path] != stamp { changed.insert(path) }
        }
        for (path, _) in earlier.files where !seen.contains(path) { changed.insert(path) }
        return changed
    }

    /// Folders count too (as `path/`): adding or removing an entry the build only warns about,
    /// such as a dangling symbolic link, changes its folder's stamp.
    private static func visit(_ absolute: String, relative: String, depth: Int, into files: inout [(String, FileStamp)]) {
        var info = stat()
        if stat(absolute, &info) == 0 { files.append((relative + "/", FileStamp(info))) }
        // Deeper than the content walker reads is not read by the build either.
        guard depth <= 40, let directory = opendir(absolute) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = absolute + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                visit(path, relative: relative + "/" + name, depth: depth + 1, into: &files)
            case S_IFLNK:
                // A linked file counts with its target's stamp; other links (to folders, dangling)
                // with their own, as the build only warns about them.
                var target = stat()
                let followed = stat(path, &target) == 0 && target.st_mode & S_IFMT == S_IFREG
                files.append((relative + "/" + name, FileStamp(followed ? target : info)))
            default:
                files.append((relative + "/" + name, FileStamp(info)))
            }
        }
    }
}

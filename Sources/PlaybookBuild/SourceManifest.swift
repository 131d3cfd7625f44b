internal import Foundation
internal import PlaybookRender
internal import PlaybookModel

/// When a file last changed, as `stat` tells it. Equal stamps let a build reuse the digest it
/// recorded for a file without reading it again (as git's index does); a different stamp only
/// means the file is read and hashed again: what decides is the digest.
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

    init(_ status: FolderWalker.Status) {
        self.init(
            size: status.size, modifiedSeconds: status.modifiedSeconds,
            modifiedNanoseconds: status.modifiedNanoseconds, inode: status.inode)
    }
}

/// One source the build reads: its site-relative path, its stamp, and the digest of what it
/// holds (a file's bytes; a folder's list of entries; a link's target when it is not a file).
struct SourceEntry: Equatable, Sendable {
    var path: String
    var stamp: FileStamp
    var digest: UInt64
}

/// Every file a build reads, by site-relative path (`playbook.yml`, `content/a.md`,
/// `templates/page.mustache`), with its content digest. Two manifests are equal when the same
/// paths hold the same bytes, whatever their stamps: a fresh clone of unchanged sources, with
/// new times and inodes, matches the manifest its cache was written with.
struct SourceManifest: Equatable, Sendable {
    /// The sources, sorted by path.
    var files: [SourceEntry]

    static func == (a: SourceManifest, b: SourceManifest) -> Bool {
        a.files.count == b.files.count && zip(a.files, b.files).allSatisfy { $0.path == $1.path && $0.digest == $1.digest }
    }

    /// Reads the site's configuration, content, templates and `examples/` (the plans that
    /// ```lint fences read). Hidden files and folders are left out, as the build leaves them out;
    /// symbolic links to folders are not followed. A file whose stamp is the one `previous`
    /// recorded keeps its digest unread; any other is read and hashed.
    static func scan(site root: String, previous: SourceManifest? = nil) -> SourceManifest {
        var found: [(path: String, absolute: String, stamp: FileStamp, kind: SourceKind)] = []
        var info = stat()
        if stat(root + "/playbook.yml", &info) == 0 {
            found.append(("playbook.yml", root + "/playbook.yml", FileStamp(info), .file))
        }
        for folder in [SiteConfig.contentFolder(ofSite: root), "templates", LintFence.folder] {
            visit(root + "/" + folder, relative: folder, into: &found)
        }
        let known = Dictionary((previous?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        let files = found.parallelMap { item -> SourceEntry in
            if let earlier = known[item.path], earlier.stamp == item.stamp {
                return earlier
            }
            return SourceEntry(path: item.path, stamp: item.stamp, digest: item.kind.digest(of: item.absolute))
        }
        return SourceManifest(files: files.sorted { $0.path < $1.path })
    }

    /// Paths whose digest differs between the two manifests, or that only one of them has.
    func changedPaths(since earlier: SourceManifest) -> Set<String> {
        let before = Dictionary(earlier.files.map { ($0.path, $0.digest) }, uniquingKeysWith: { $1 })
        var changed: Set<String> = []
        var seen: Set<String> = []
        for entry in files {
            seen.insert(entry.path)
            if before[entry.path] != entry.digest { changed.insert(entry.path) }
        }
        for entry in earlier.files where !seen.contains(entry.path) { changed.insert(entry.path) }
        return changed
    }

    /// Folders count too (as `path/`, with the names they hold): adding or removing an entry the
    /// build only warns about, such as a dangling symbolic link, changes its folder's listing.
    /// The folders are walked by `FolderWalker`'s rule, the root followed if it is a link.
    private static func visit(
        _ absolute: String, relative: String,
        into found: inout [(path: String, absolute: String, stamp: FileStamp, kind: SourceKind)]
    ) {
        var info = stat()
        guard stat(absolute, &info) == 0 else { return }
        found.append((relative + "/", absolute, FileStamp(info), .folder))
        for entry in FolderWalker(root: absolute, maxDepth: maxFolderDepth).entries() {
            let path = relative + "/" + entry.path
            let stamp = FileStamp(entry.status)
            switch entry.kind {
            case .folder, .tooDeep:
                found.append((path + "/", entry.absolutePath, stamp, .folder))
            case .file, .linkedFile:
                // A linked file counts with its target's bytes (and stamp).
                found.append((path, entry.absolutePath, stamp, .file))
            case .linkedFolder, .brokenLink, .other:
                // Other links (to folders, dangling) by where they point, as the build only warns
                // about them; pipes and devices the same way, as reading one could wait forever.
                found.append((path, entry.absolutePath, stamp, .link))
            case .unreadableFolder:
                break  // its own entry is recorded, with an empty listing
            }
        }
    }

    /// How deep the folders read are: deeper than the content walker reads is not read by the
    /// build either. A folder just below is recorded, with its listing, but not read.
    static let maxFolderDepth = 40
}

/// What a source's digest is taken of.
enum SourceKind: Sendable {
    case file, folder, link

    /// The digest: of a file's bytes, a folder's sorted visible names, or a link's target path.
    /// A file that cannot be read gets a digest no content has, so it never matches.
    func digest(of absolute: String) -> UInt64 {
        var hash = StableHash()
        switch self {
        case .file:
            guard let data = FileManager.default.contents(atPath: absolute) else { return 0 }
            hash.add(Int(data.count))
            data.withUnsafeBytes { hash.add($0) }
        case .folder:
            hash.add("folder")
            for name in Self.names(in: absolute).sorted() { hash.add(name) }
        case .link:
            hash.add("link")
            hash.add((try? FileManager.default.destinationOfSymbolicLink(atPath: absolute)) ?? "")
        }
        return hash.value
    }

    /// The names of a folder's entries, hidden ones left out; none when it cannot be listed.
    static func names(in folder: String) -> [String] {
        FolderWalker.visibleNames(in: folder) ?? []
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel
internal import Foundation

/// The output folder, replaced as a whole: the new site is written into a hidden folder beside
/// it, then swapped in with two renames, so a failed or interrupted build leaves the previous
/// site as it was.
///
/// A marker file identifies folders the build made; a non-empty folder without it is never
/// replaced, so a mistyped `--output` cannot wipe unrelated files.
struct OutputFolder {
    let path: String
    let source: String

    static let marker = ".playbook-output"

    func replace(with files: [OutputFile], marker text: String = "") throws {
        try begin().finish(with: files, marker: text)
    }

    /// Starts a new site beside the output folder: the staging folder is made (and removed if
    /// the process is stopped) and takes files while pages render; `Staging.finish` swaps it in.
    func begin() throws -> Staging {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        try checkSafe(target)
        let parent = PathText.parent(target)
        let name = PathText.name(target)
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError.usage("cannot create the folder '\(parent)': \(error.localizedDescription)", file: path)
        }
        removeLeftovers(in: parent, name: name)
        let staging = Staging(
            path: path, target: target, folder: PathText.join(parent, ".\(name).building-\(getpid())"),
            retired: PathText.join(parent, ".\(name).old-\(getpid())"))
        do {
            try fm.createDirectory(atPath: staging.folder, withIntermediateDirectories: true)
        } catch {
            staging.discard()
            throw staging.cannotWrite(error)
        }
        return staging
    }

    /// Refuses an output folder that holds the sources or that the build did not make.
    private func checkSafe(_ target: String) throws {
        let sourcePath = URL(fileURLWithPath: source).standardizedFileURL.path
        if PathText.isSameOrInside(sourcePath, target) {
            throw DiagnosticError.usage(
                "the output folder '\(path)' contains the site's sources; it would be replaced",
                file: path, hint: "choose a folder of its own, such as public/")
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw DiagnosticError.usage("the output path '\(path)' is a file, not a folder", file: path)
        }
        let entries = (try? fm.contentsOfDirectory(atPath: target)) ?? []
        if !entries.isEmpty, !entries.contains(Self.marker) {
            throw DiagnosticError.usage(
                "the output folder '\(path)' holds files this tool did not write; it is left alone",
                file: path, hint: "empty or remove it, or choose another folder with --output")
        }
    }

    /// Removes staging folders left by builds that were killed before they could clean up.
    private func removeLeftovers(in parent: String, name: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? []
        where entry.hasPrefix(".\(name).building-") || entry.hasPrefix(".\(name).old-")
            || entry.hasPrefix(".\(name).updating-")
        {
            if TemporaryName.ownerIsRunning(entry) { continue }
            try? fm.removeItem(atPath: PathText.join(parent, entry))
        }
    }

    /// What the marker of the folder at `path` holds, or `nil` when it has none or an empty one:
    /// the build cache's proof that the folder is the one it describes. A build with the cache
    /// writes there the digest of everything the output was made from (`DiskCache.marker`), so
    /// a copy of the folder (restored in CI beside the cache) is recognised, and a folder another
    /// build wrote from other inputs is not.
    static func stamp(at path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: PathText.join(path, marker)), !data.isEmpty else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Writes text to a file with POSIX calls (no Foundation `Data` round trip).
enum FileWriter {
    static func write(_ text: String, to path: String) -> Bool {
        var text = text
        return text.withUTF8 { write($0, to: path) }
    }

    private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return writeAll(UnsafeRawBufferPointer(buffer), to: fd)
    }

    /// Writes all of `bytes` to an open file, however many calls it takes.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, base + offset, bytes.count - offset)
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}

public import PlaybookBuild
public import PlaybookDiagnostics
internal import Foundation

/// The site the preview serves: the files of the last good build, in memory, with a version
/// that goes up on every build, and the findings of the last build (good or not).
public actor PreviewSite {
    private var files: [String: OutputFile.Contents] = [:]
    private var folders: Set<String> = []
    /// The search index's files by output path, made on the first request after a build.
    private var searchFiles: [String: String]?
    private var lastGood: BuildResult?
    /// Files changed by failed builds since the last good one; `nil` when unknown (reload all).
    private var pendingChanges: Set<String>? = []
    /// Goes up by one on every build, good or failed; open pages reload when it changes.
    public private(set) var version = 0
    /// The findings of the last build.
    public private(set) var findings: [Diagnostic] = []
    /// The base path the site is served under.
    public private(set) var basePath = "/"
    private var waiters: [UUID: CheckedContinuation<Int, Never>] = [:]

    /// Creates an empty site.
    public init() {}

    /// Takes the result of a build: a good one replaces the files served; a failed one keeps
    /// them and only records the findings.
    public func update(with result: BuildResult, basePath: String) {
        self.basePath = basePath
        findings = result.diagnostics
        if !result.succeeded, lastGood != nil {
            // Not served; remember what it changed so the next good build brings it in too.
            if let changed = result.changedFiles, let pending = pendingChanges {
                pendingChanges = pending.union(changed)
            } else {
                pendingChanges = nil
            }
        } else if lastGood != nil, let changed = result.changedFiles, let pending = pendingChanges {
            // Only these files changed since the last good build: patch them in.
            let all = changed.union(pending)
            for file in result.files where all.contains(file.path) { files[file.path] = file.contents }
            searchFiles = nil
            lastGood = result
            pendingChanges = []
        } else {
            var map: [String: OutputFile.Contents] = [:]
            var dirs: Set<String> = []
            for file in result.files {
                map[file.path] = file.contents
                var folder = Substring(file.path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    dirs.insert(String(folder))
                }
            }
            files = map
            folders = dirs
            searchFiles = nil
            lastGood = result
            pendingChanges = []
        }
        version += 1
        let ready = waiters
        waiters = [:]
        for continuation in ready.values { continuation.resume(returning: version) }
    }

    /// Waits until the version differs from `known`, or until `timeout` passes.
    public func waitForChange(from known: Int, timeout: Duration) async -> Int {
        if version != known { return version }
        let id = UUID()
        return await withCheckedContinuation { continuation in
            waiters[id] = continuation
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                await self?.expire(id)
            }
        }
    }

    private func expire(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume(returning: version)
    }

    /// True when `path` (relative to the output folder) is a folder of the site.
    public func isFolder(_ path: String) -> Bool { folders.contains(path) }

    /// Every folder of the site.
    func foldersSnapshot() -> Set<String> { folders }

    /// The bytes of a file of the site, or `nil` when there is none.
    func contents(of path: String, makeSearchFiles: (BuildResult) -> [String: String]) -> Data? {
        if path.hasPrefix(SiteBuilder.searchFolder + "/"), let lastGood {
            if searchFiles == nil { searchFiles = makeSearchFiles(lastGood) }
            return searchFiles?[path].map { Data($0.utf8) }
        }
        switch files[path] {
        case .text(let text)?: return Data(text.utf8)
        case .copy(let source)?, .link(let source)?: return FileManager.default.contents(atPath: source)
        case .written?, nil: return nil  // the preview writes no output folder, so never `.written`
        }
    }
}


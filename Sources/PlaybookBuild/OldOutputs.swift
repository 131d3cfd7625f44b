internal import Foundation
internal import PlaybookModel

/// Previous output folders, swapped out by a build (`OutputFolder.Staging.finish`), removed on
/// a thread of their own while the build goes on (the cache is written meanwhile). A build
/// waits for them before its own swap and before it returns (`SiteBuilder.build`).
final class OldOutputs: @unchecked Sendable {
    static let shared = OldOutputs()
    private let group = DispatchGroup()

    /// Starts removing the folder at `path`. A stop (SIGINT, SIGTERM) waits for a removal under
    /// way, or removes the folder itself if the removal has not begun: no folder is left
    /// half removed, and none at all (see `InterruptGuard`).
    func remove(_ path: String) {
        group.enter()
        let onStop = InterruptGuard.shared.removingOnStop(path)
        let thread = Thread { [group] in
            _ = InterruptGuard.shared.unlessStopping {
                Self.removeTree(at: path)
                return true
            }
            InterruptGuard.shared.end(onStop)
            group.leave()
        }
        thread.start()
    }

    /// Removes the folder at `path` with its top-level entries on all cores: unlinking is most
    /// of the work, and a 10,000-page site's 31,000 files went in 0.10 s this way against 0.18 s
    /// on one thread (tmpfs, 2 cores).
    private static func removeTree(at path: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            try? FileManager.default.removeItem(atPath: PathText.join(path, entries[index]))
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Waits until every folder given to `remove` is gone.
    func waitUntilRemoved() {
        group.wait()
    }
}

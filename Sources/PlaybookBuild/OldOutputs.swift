internal import Foundation

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
                try? FileManager.default.removeItem(atPath: path)
                return true
            }
            InterruptGuard.shared.end(onStop)
            group.leave()
        }
        thread.start()
    }

    /// Waits until every folder given to `remove` is gone.
    func waitUntilRemoved() {
        group.wait()
    }
}

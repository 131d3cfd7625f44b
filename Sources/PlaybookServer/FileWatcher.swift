internal import Foundation
internal import PlaybookModel
#if canImport(Glibc)
    internal import Glibc
#endif

/// Watches the site's sources (`content/`, `templates/`, `examples/`, `playbook.yml`) and reports the paths
/// that changed, relative to the site folder, in batches.
///
/// On Linux it uses inotify on every folder (new folders are watched as they appear); elsewhere
/// it compares modification times every 200 ms.
public final class FileWatcher: @unchecked Sendable {
    private let root: String
    private let onChange: @Sendable (Set<String>) -> Void
    private let queue = DispatchQueue(label: "playbook.watcher")
    private let lock = NSLock()
    private var stopRequested = false
    /// Read by the watching loop, set by `stop()` from any thread.
    private var stopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }
    #if os(Linux)
        private var descriptor: Int32 = -1
        private var folders: [Int32: String] = [:]
    #endif
    private var snapshot: [String: Date] = [:]

    /// The folders and files under the site folder that are watched: the content folder
    /// `playbook.yml` names when the watch starts (`content` by default), `templates`, `examples`
    /// and `playbook.yml`.
    private let watched: [String]

    /// Starts watching `root`; `onChange` is called on a background queue with each batch.
    public init(root: String, onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.root = root
        self.onChange = onChange
        self.watched = [SiteConfig.contentFolder(ofSite: root), "templates", "examples", "playbook.yml"]
        // The watches are in place before init returns, so a change made right after it (as a
        // writer saving at once, or a test) is never missed; only the waiting runs in the background.
        let watching = queue.sync { self.startWatching() }
        queue.async { watching ? self.readEventsLoop() : self.poll() }
    }

    /// Stops watching; the loop notices within a quarter of a second.
    public func stop() {
        lock.lock()
        stopRequested = true
        lock.unlock()
    }

    /// Sets up inotify watches (true) or, where there is no inotify, the first snapshot to poll
    /// against (false).
    private func startWatching() -> Bool {
        #if os(Linux)
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if descriptor >= 0 {
                addWatch(relative: "")
                for name in watched where name != "playbook.yml" { addTree(name) }
                return true
            }
        #endif
        snapshot = scan()
        return false
    }

    private func readEventsLoop() {
        #if os(Linux)
            readEvents()
        #endif
    }

    // MARK: polling

    private func poll() {
        if stopped { return }
        let now = scan()
        var changed: Set<String> = []
        for (path, date) in now where snapshot[path] != date { changed.insert(path) }
        for path in snapshot.keys where now[path] == nil { changed.insert(path) }
        snapshot = now
        if !changed.isEmpty { onChange(changed) }
        queue.asyncAfter(deadline: .now() + 0.2) { self.poll() }
    }

    /// The modification time of `playbook.yml` and of every file under the watched folders,
    /// walked by `FolderWalker`'s rule as the build walks them.
    private func scan() -> [String: Date] {
        var result: [String: Date] = [:]
        for top in watched {
            let full = root + "/" + top
            if top.hasSuffix(".yml") {
                if let date = (try? FileManager.default.attributesOfItem(atPath: full))?[.modificationDate] as? Date {
                    result[top] = date
                }
                continue
            }
            FolderWalker(root: full).walk { entry in
                guard entry.kind != .folder, entry.kind != .unreadableFolder else { return }
                let status = entry.status
                result[top + "/" + entry.path] = Date(
                    timeIntervalSince1970: Double(status.modifiedSeconds) + Double(status.modifiedNanoseconds) / 1e9)
            }
        }
        return result
    }

    // MARK: inotify

    #if os(Linux)
        /// Watches the folder `relative` and every folder under it, walked by `FolderWalker`'s
        /// rule: symbolic links to folders are not followed (the build does not read them), so a
        /// link loop cannot add watches without end.
        private func addTree(_ relative: String) {
            addWatch(relative: relative)
            FolderWalker(root: root + "/" + relative).walk { entry in
                if entry.kind == .folder { addWatch(relative: relative + "/" + entry.path) }
            }
        }

        private func addWatch(relative: String) {
            let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB)
            let path = relative.isEmpty ? root : root + "/" + relative
            let wd = inotify_add_watch(descriptor, path, mask)
            if wd >= 0 { folders[wd] = relative }
        }

        private func readEvents() {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while !stopped {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard Glibc.poll(&poller, 1, 250) > 0 else { continue }
                var changed: Set<String> = []
                // Collect a short burst: editors often write a file in several steps.
                let deadline = Date().addingTimeInterval(0.008)
                repeat {
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count > 0 { changed.formUnion(parse(buffer, count: count)) }
                    var again = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    if Glibc.poll(&again, 1, 2) <= 0 { break }
                } while Date() < deadline
                let relevant = changed.filter(isWatched)
                if !relevant.isEmpty { onChange(relevant) }
            }
            close(descriptor)
        }

        private func parse(_ buffer: [UInt8], count: Int) -> Set<String> {
            var changed: Set<String> = []
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += headerSize + length
                guard let folder = folders[wd], !name.hasPrefix("."), !name.hasSuffix("~") else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
                    changed.insert(path + "/")
                } else {
                    changed.insert(path)
                }
            }
            return changed
        }
    #endif

    private func isWatched(_ path: String) -> Bool {
        path == "playbook.yml" || watched.contains { path.hasPrefix($0 + "/") }
    }
}

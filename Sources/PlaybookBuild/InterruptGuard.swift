internal import Foundation

/// Restores the output folder when the process is told to stop (SIGINT, SIGTERM) in the middle of
/// a build: the staging folder is removed and, if the stop came between the two renames of the
/// swap, the previous site is put back. Signals are handled on a dispatch queue, not in a signal
/// handler, so file operations are safe there.
public final class InterruptGuard: @unchecked Sendable {
    /// The one guard of the process.
    public static let shared = InterruptGuard()

    private let lock = NSLock()
    private var swaps: [UUID: Swap] = [:]
    /// Held shared by each write into a staging folder and exclusively while stopping, so no
    /// render thread writes into a staging folder while (or after) it is removed.
    private let writes: UnsafeMutablePointer<pthread_rwlock_t> = {
        let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        pthread_rwlock_init(lock, nil)
        return lock
    }()
    /// Set once, under `writes` held exclusively, when the process is stopping.
    private var stopping = false
    private var sources: [DispatchSourceSignal] = []
    /// Child processes to stop with this one.
    private var children: Set<Int32> = []

    struct Swap {
        var staging: String
        var retired: String
        var target: String
    }

    /// Starts handling SIGINT and SIGTERM: clean up, then exit with 128 + the signal number.
    public func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                self?.restoreAll()
                // _exit, not exit: exit runs C++ static destructors (source-highlight's language
                // tables) while render threads may still be highlighting, which crashed (SIGSEGV).
                fflush(nil)
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    func begin(staging: String, retired: String, target: String) -> UUID {
        let id = UUID()
        lock.lock()
        swaps[id] = Swap(staging: staging, retired: retired, target: target)
        lock.unlock()
        return id
    }

    func end(_ id: UUID) {
        lock.lock()
        swaps[id] = nil
        lock.unlock()
    }

    /// Removes the temporary `folder` if the process is stopped before `end` is called with the
    /// id returned (`playbook pdf`'s working folder).
    func removingOnStop(_ folder: String) -> UUID {
        begin(staging: folder, retired: "", target: "")
    }

    /// Stops the child process `pid` (the PDF engine) with SIGTERM if this process is stopped
    /// while it runs, until `childEnded` is told of it.
    func stoppingOnStop(child pid: Int32) {
        lock.lock()
        children.insert(pid)
        lock.unlock()
    }

    /// Forgets the child `pid`, which has ended (its id may now be reused).
    func childEnded(_ pid: Int32) {
        lock.lock()
        children.remove(pid)
        lock.unlock()
    }

    /// Holds the lock across the swap's two renames, so a stop never lands between them.
    func atomically<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Runs `write` (a write into a staging folder) unless the process is stopping; false when
    /// it is. A stop waits for the writes in flight before it removes the staging folders.
    func unlessStopping(_ write: () -> Bool) -> Bool {
        pthread_rwlock_rdlock(writes)
        defer { pthread_rwlock_unlock(writes) }
        return !stopping && write()
    }

    private func restoreAll() {
        pthread_rwlock_wrlock(writes)
        stopping = true
        pthread_rwlock_unlock(writes)
        lock.lock()
        defer { lock.unlock() }
        for child in children { kill(child, SIGTERM) }
        let fm = FileManager.default
        for swap in swaps.values {
            if !fm.fileExists(atPath: swap.target), fm.fileExists(atPath: swap.retired) {
                try? fm.moveItem(atPath: swap.retired, toPath: swap.target)
            }
            try? fm.removeItem(atPath: swap.staging)
            if fm.fileExists(atPath: swap.target) { try? fm.removeItem(atPath: swap.retired) }
        }
        swaps.removeAll()
    }
}

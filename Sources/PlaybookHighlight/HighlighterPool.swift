internal import CSourceHighlight
internal import Foundation

/// Idle source-highlight handles, lent to one caller at a time: a handle is not thread-safe,
/// and making one per block would parse its language definitions per block.
///
/// The pool grows to the number of calls that ever ran at once (the build's parallelism) and
/// keeps its handles for the life of the process, so `serve`'s rebuilds reuse them too.
final class HighlighterPool: @unchecked Sendable {
    static let shared = HighlighterPool()

    private let lock = NSLock()
    /// Guarded by `lock`.
    private var idle: [OpaquePointer] = []

    /// Runs `body` with a handle no other thread is using; `nil` when no handle can be made.
    func withHandle<T>(_ body: (OpaquePointer) -> T?) -> T? {
        guard let handle = lock.withLock({ idle.popLast() }) ?? pb_highlighter_new() else { return nil }
        defer { lock.withLock { idle.append(handle) } }
        return body(handle)
    }

    deinit {
        for handle in idle { pb_highlighter_free(handle) }
    }
}

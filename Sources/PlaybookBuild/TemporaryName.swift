internal import Foundation

/// Temporary files and folders are named `….tmp-PID` or `….building-PID`: a build that was
/// killed leaves them behind, and the next build removes those whose process is gone.
enum TemporaryName {
    /// True when the process named at the end of `name` is another one that still runs.
    static func ownerIsRunning(_ name: String) -> Bool {
        guard let pid = name.split(separator: "-").last.flatMap({ Int32($0) }) else { return false }
        return pid != getpid() && kill(pid, 0) == 0
    }
}

internal import Foundation

/// Where the `playbook` binary of this build is, for tests that run it as a user or CI would.
public enum PlaybookBinary {
    /// The path of `playbook` beside (or a few folders above) the running test binary.
    public static var path: String { sibling("playbook") }

    /// The path of another product of this build, such as `playbook-fuzz`.
    public static func sibling(_ name: String) -> String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var folder = testBinary
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return testBinary.appendingPathComponent(name).path
    }
}

/// One file of the built site: where it goes (relative to the output folder) and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Relative path with `/` separators: `framework/plan/index.html`.
    public var path: String
    /// The file's content.
    public var contents: Contents

    /// A file's bytes: text made by the build, or a file copied from the source folder.
    public enum Contents: Sendable, Hashable {
        /// Text the build made, written as UTF-8.
        case text(String)
        /// A file to copy, by absolute path.
        case copy(from: String)
        /// A file the previous build wrote, unchanged since: hard-linked from the previous output
        /// folder (copied where links are not possible), by absolute path.
        case link(from: String)
        /// A page written into the new output folder as it was rendered (see
        /// `OutputFolder.Staging`): its HTML is in the folder, not in memory.
        case written
    }

    /// Creates an output file.
    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }
}

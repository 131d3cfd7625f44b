public import PlaybookDiagnostics
internal import PlaybookModel

/// The tools `playbook migrate` reads a project of.
public enum SourceTool: String, Sendable, CaseIterable {
    /// MkDocs: `mkdocs.yml` (`nav`), `docs/`, awesome-pages `.pages` files.
    case mkdocs
    /// mdBook: `book.toml`, `src/SUMMARY.md`.
    case mdbook
    /// Hugo: `hugo.toml` / `config.toml` / `hugo.yaml`, `content/`.
    case hugo
    /// Jekyll: `_config.yml` (at the folder or in its `docs/`), `redirect_from`, `nav_order`.
    case jekyll
}

/// The order of one section: the names its page lists under `order:`.
public struct SectionPlan: Sendable, Hashable {
    /// The section's folder, relative to the content folder (`""` for the top).
    public var folder: String
    /// The section's title, for a section page the migration creates.
    public var title: String?
    /// Page file names and sub-folder names (`name/`), in the order the other tool showed them.
    public var order: [String]

    /// Creates a plan.
    public init(folder: String, title: String? = nil, order: [String] = []) {
        self.folder = folder
        self.title = title
        self.order = order
    }
}

/// The front-matter changes of one page: keys renamed, then keys set.
public struct FrontMatterPlan: Sendable, Hashable {
    /// The page, relative to the content folder.
    public var file: String
    /// Keys to rename (`redirect_from` → `aliases`), in order.
    public var renames: [Rename]
    /// Scalar keys to set (`draft: true`).
    public var sets: [Setting]

    /// A key renamed.
    public struct Rename: Sendable, Hashable {
        /// The key as the other tool wrote it.
        public var from: String
        /// The key Playbook reads.
        public var to: String
    }

    /// A key set to a scalar value.
    public struct Setting: Sendable, Hashable {
        /// The key.
        public var key: String
        /// Its value as text.
        public var value: String
    }

    /// Creates a plan with no changes.
    public init(file: String) {
        self.file = file
        self.renames = []
        self.sets = []
    }

    /// True when there is nothing to change.
    public var isEmpty: Bool { renames.isEmpty && sets.isEmpty }
}

/// What migrating a project would do: the `playbook.yml` keys, each section's order, each page's
/// front-matter changes, and notes on what could not be carried (each at its file, line and
/// column in the other tool's project, paths relative to its folder).
public struct Migration: Sendable {
    /// The tool the project was written for.
    public var tool: SourceTool
    /// The folder holding the pages, relative to the project folder (`docs`, `src`, `content`).
    public var contentFolder: String
    /// `playbook.yml`'s keys and values, in the order they are written.
    public var config: [(key: String, value: String)] = []
    /// The sections whose order the other tool set.
    public var sections: [SectionPlan] = []
    /// Pages whose front matter changes.
    public var pages: [FrontMatterPlan] = []
    /// What could not be carried, and problems reading the project.
    public var notes: [Diagnostic] = []

    /// An empty migration of a project of `tool` whose pages are in `contentFolder`.
    public init(tool: SourceTool, contentFolder: String) {
        self.tool = tool
        self.contentFolder = contentFolder
    }

    /// The text of `playbook.yml`: a comment naming the tool, the keys, `content:` when the
    /// folder is not the default, and `links: warn` while links are fixed.
    public var configText: String {
        var lines = ["# Written by playbook migrate --from \(tool.rawValue); edit freely."]
        for (key, value) in config { lines.append("\(key): \(FrontMatterEdit.written(value))") }
        if contentFolder != "content" { lines.append("content: \(FrontMatterEdit.written(contentFolder))") }
        lines.append("links: warn   # broken links are warnings while the move settles; remove to make them errors")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Adds a note (a `Diagnostic` of severity note) at `file:line:col`.
    mutating func note(_ code: String, _ file: String, line: Int = 0, column: Int = 0, _ message: String, hint: String? = nil) {
        notes.append(Diagnostic(.note, code: code, at: SourceLocation(file: file, line: line, column: column), message, hint: hint))
    }
}

public import PlaybookDiagnostics
internal import Foundation
internal import PlaybookModel

/// `playbook migrate`: reads another tool's project into a `Migration`, then writes it (with
/// `write`) or says what it would write. Only `playbook.yml`, new section pages (`_index.md`)
/// and front matter are ever written, each through `FrontMatterEdit` so other bytes stay; a
/// second run finds nothing left to do.
public struct Migrator: Sendable {
    /// The project folder.
    public var root: String
    /// The tool it was written for.
    public var tool: SourceTool

    /// A migrator for the project at `root`.
    public init(root: String, tool: SourceTool) {
        self.root = root
        self.tool = tool
    }

    /// What the migration did or would do.
    public struct Report: Sendable {
        /// One line per file: what was (or would be) written, or that it is unchanged.
        public var actions: [String] = []
        /// Notes on what was not carried, and problems, sorted.
        public var diagnostics: [Diagnostic] = []
        /// How many files were (or would be) written.
        public var changedFiles = 0
    }

    /// Reads the project.
    public func plan() -> Migration {
        let files = ProjectFiles(root: root)
        switch tool {
        case .mkdocs: return MkDocsProject(files: files).read()
        case .mdbook: return MdBookProject(files: files).read()
        case .hugo: return HugoProject(files: files).read()
        case .jekyll: return JekyllProject(files: files).read()
        }
    }

    /// Applies `migration`: writes files when `write` is true, else only reports them.
    public func apply(_ migration: Migration, write: Bool) -> Report {
        var report = Report()
        report.diagnostics = migration.notes
        guard !migration.notes.hasErrors else { return report }
        var writer = Writer(root: root, write: write)
        writer.writeConfig(migration.configText)
        for section in migration.sections {
            writer.writeOrder(section, content: migration.contentFolder)
        }
        for page in migration.pages {
            writer.editFrontMatter(page, content: migration.contentFolder)
        }
        report.actions = writer.actions
        report.diagnostics += writer.problems
        report.diagnostics.sort()
        report.changedFiles = writer.changed
        return report
    }
}

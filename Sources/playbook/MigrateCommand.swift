import ArgumentParser
import Foundation
import PlaybookDiagnostics
import PlaybookMigrate

/// The tools `--from` names, as `SourceTool` has them.
enum MigrateFrom: String, ExpressibleByArgument, CaseIterable {
    case mkdocs, mdbook, hugo, jekyll

    /// The tool in PlaybookMigrate's terms.
    var tool: SourceTool { SourceTool(rawValue: rawValue) ?? .mkdocs }
}

/// `playbook migrate`: reads an MkDocs, mdBook, Hugo or Jekyll project and writes what Playbook
/// needs beside it. The work is `Migrator`'s; this type reads flags and maps the outcome to an
/// exit status.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move a site in from MkDocs, mdBook, Hugo or Jekyll.",
        discussion: """
            Reads the other tool's settings and navigation (mkdocs.yml's nav and .pages files, \
            mdBook's SUMMARY.md, Hugo's and Jekyll's front matter) and prints what it would write: \
            playbook.yml (naming the content folder, so the project keeps its layout), a section \
            page's 'order:' for each folder the navigation orders, and front-matter keys renamed \
            (redirect_from → aliases, nav_order → weight, linkTitle → title). Without --write \
            nothing is written. With --write those files are written; pages change in their front \
            matter only, every other byte kept. Running it again changes nothing. What cannot be \
            carried (plugins, shortcodes, Liquid tags, external nav links, drafts without a file) \
            is listed as notes at file:line:col.
            Exit status: 0 done, 1 problems (not a project of that tool, a file that cannot be \
            read or edited), 2 usage errors.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The tool the project was written for.", valueName: "tool"))
    var from: MigrateFrom

    @Argument(help: ArgumentHelp("The project folder (holds mkdocs.yml, book.toml, hugo.toml, or docs/_config.yml).", valueName: "dir"))
    var folder: String = "."

    @Flag(name: .long, help: "Write playbook.yml, new section pages and front-matter edits (default: only say what would change).")
    var write = false

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticError.usage("no such folder: '\(folder)'", file: folder, hint: "pass the project's folder")
        }
        let migrator = Migrator(root: folder, tool: from.tool)
        let report = migrator.apply(migrator.plan(), write: write)
        for line in report.actions { print(line) }
        Terminal.printDiagnostics(report.diagnostics)
        let notes = report.diagnostics.count(of: .note)
        let verb = write ? "wrote" : "would write"
        print("\(verb) \(report.changedFiles) file\(report.changedFiles == 1 ? "" : "s"); \(notes) note\(notes == 1 ? "" : "s") on what was not carried"
            + (write || report.changedFiles == 0 ? "" : "; run again with --write to write them"))
        if report.diagnostics.contains(where: { $0.severity != .note }) { throw ExitCode(ExitCode.contentErrors) }
        // The pages need the site's templates beside them before the first build.
        if !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("templates")) {
            print("next: copy the templates/ folder of the shipped playbook into '\(folder)', then run 'playbook build --source \(folder)'")
        }
    }
}

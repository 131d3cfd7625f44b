import ArgumentParser
import Foundation
import PlaybookDiagnostics
import PlaybookModel

/// `playbook review`: sets `reviewed:` to today (and `owner:` with `--by`) in pages' front
/// matter, changing that line alone. The work is `PageReview`'s; this type reads flags and maps
/// the outcome to an exit status.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Mark pages as reviewed today (and set their owner with --by).",
        discussion: """
            Sets 'reviewed:' to today in each file's front matter, and 'owner:' to NAME with --by. \
            Only that line changes; the rest of the file is kept byte for byte (other keys, quoting, \
            comments, CRLF line endings). A key that is missing is added as the last line of the \
            front matter; a file without front matter gets one. PATH is a Markdown file under \
            content/, as given or relative to the site folder or to content/.
            Exit status: 0 done, 1 a file's front matter could not be read (other files are still \
            done), 2 usage errors (a path that is not a page of the site, a bad --today).
            """
    )

    @Argument(help: ArgumentHelp("The pages reviewed: Markdown files under content/.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("Also set 'owner:' to this person or team (checked against owners: in playbook.yml).", valueName: "name"))
    var by: String?

    @Option(name: .long, help: ArgumentHelp("The site folder (holds playbook.yml and content/).", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("The day written (default: SOURCE_DATE_EPOCH, else the clock).", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("name at least one page to mark as reviewed") }
        if let by, by.trimmingCharacters(in: .whitespaces).isEmpty || by.contains(where: { $0.isNewline || $0 == "\t" }) {
            throw ValidationError("'--by' must be one name on one line, such as --by \"Priya Nair\"")
        }
    }

    func run() throws {
        let day = try Today.resolve(flag: today)
        let owner = by?.trimmingCharacters(in: .whitespaces)
        let owners = owner == nil ? nil : try Self.siteOwners(source: source)
        let report = PageReview(source: source, today: day, owner: owner).run(paths: paths, owners: owners)
        for line in report.lines { print(line) }
        Terminal.printDiagnostics(report.usage + report.problems)
        if report.usage.hasErrors { throw ExitCode(ExitCode.usage) }
        if report.problems.hasErrors { throw ExitCode(ExitCode.contentErrors) }
    }

    /// The names of `owners:` in the site's `playbook.yml`, or `nil` when it lists none or there
    /// is no such file.
    ///
    /// - Throws: `DiagnosticError` (usage) when `playbook.yml` cannot be read or has errors.
    static func siteOwners(source: String) throws -> [String]? {
        let path = PathText.join(source, "playbook.yml")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError.usage("this file cannot be read", file: "playbook.yml")
        }
        let text: String
        switch SourceText.decode(Array(data), file: "playbook.yml") {
        case .success(let decoded): text = decoded
        case .failure(let problem): throw DiagnosticError([problem], isUsage: true)
        }
        let (config, problems) = SiteConfig.parse(text, file: "playbook.yml")
        if problems.hasErrors { throw DiagnosticError(problems, isUsage: true) }
        return config.owners?.map(\.name.value)
    }
}

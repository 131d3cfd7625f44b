import ArgumentParser
import Foundation
import PlaybookDiagnostics
import PlaybookLint

/// `--format` values: the lint's formats, spelt as on the command line.
enum LintFormatOption: String, CaseIterable, ExpressibleByArgument {
    case text, json, sarif, github

    var format: LintFormat { LintFormat(rawValue: rawValue) ?? .text }
}

/// `playbook lint`: checks engagement plans against the framework and prints the findings.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check engagement plans against the framework.",
        discussion: """
            With no path, checks every plan (type: plan) under content/ in the site folder. \
            Severities and limits come from the lint: section of playbook.yml.
            Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage errors \
            (bad flag, missing path, bad configuration).
            """
    )

    @Argument(help: ArgumentHelp("Plan files or folders to check (default: all of content/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output format: text, json, sarif or github.", valueName: "format"))
    var format: LintFormatOption = .text

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("The site folder (holds playbook.yml and content/).", valueName: "dir"))
    var source: String = "."

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the site is published, for links to rule pages (overrides playbook.yml).", valueName: "url"))
    var baseURL: String?

    func run() throws {
        let (linter, warnings) = try Linter.forSite(at: source, baseURL: baseURL)
        Terminal.printDiagnostics(warnings)
        let (targets, missing) = try Linter.targets(paths: paths, source: source)
        let report = linter.lint(targets: targets)
        print(format.format.render(report, links: linter.links), terminator: "")
        if !missing.isEmpty {
            Terminal.printDiagnostics(missing.map { .error("usage", at: SourceLocation(file: $0), "no such file or folder") })
            throw ExitCode(ExitCode.usage)
        }
        if report.failed(strict: strict) { throw ExitCode(ExitCode.contentErrors) }
    }
}

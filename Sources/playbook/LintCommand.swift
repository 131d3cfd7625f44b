import ArgumentParser
import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookLint
import PlaybookModel

/// `--format` values: the lint's formats, spelt as on the command line.
enum LintFormatOption: String, CaseIterable, ExpressibleByArgument {
    case text, json, sarif, github, summary

    var format: LintFormat { LintFormat(rawValue: rawValue) ?? .text }
}

/// `--only` values: what a run checks.
enum LintOnlyOption: String, CaseIterable, ExpressibleByArgument {
    case plans, pages

    var scope: LintScope { self == .plans ? .plans : .pages }
}

/// `playbook lint`: checks engagement plans against the framework, and every page's owner and
/// review, and prints the findings.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check engagement plans against the framework, and every page's owner and review.",
        discussion: """
            With no path, checks every page under content/ in the site folder: plans (type: plan) \
            against the framework, and every page's owner, reviewed and review-every. --only \
            narrows a run to plans or pages; --since REV also checks that pages renamed or deleted \
            since that git revision keep their old URL. Severities and limits come from the lint: section of \
            playbook.yml, owners and review periods from its owners: and freshness: sections.
            Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage errors \
            (bad flag, missing path, bad configuration).
            """
    )

    @Argument(help: ArgumentHelp("Plan files or folders to check (default: all of content/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output format: text, json, sarif, github, or summary (Markdown: overdue pages by owner, for a CI job summary).", valueName: "format"))
    var format: LintFormatOption = .text

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("The site folder (holds playbook.yml and content/).", valueName: "dir"))
    var source: String = "."

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the site is published, for links to rule pages (overrides playbook.yml).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("Check only plans or only pages (default: both).", valueName: "plans|pages"))
    var only: LintOnlyOption?

    @Option(name: .long, help: ArgumentHelp("The day reviews are measured against (default: SOURCE_DATE_EPOCH, else the clock).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(name: .long, help: ArgumentHelp("Also check that pages renamed or deleted since this git revision (e.g. origin/main) keep their old URL with an alias (page/moved-without-alias).", valueName: "rev"))
    var since: String?

    func validate() throws {
        // The moved-page check is a page rule: with plans only it would find nothing, silently.
        if since != nil, only == .plans {
            throw ValidationError("'--since' checks pages that moved, which '--only plans' leaves out; drop one of them")
        }
    }

    func run() throws {
        let day = try Today.resolve(flag: today)
        let (linter, warnings) = try Linter.forSite(at: source, baseURL: baseURL, today: day, scope: only?.scope ?? .all)
        Terminal.printDiagnostics(warnings)
        let (targets, missing) = try Linter.targets(paths: paths, source: source)
        var report = linter.lint(targets: targets)
        if let since {
            let (moves, pages) = try PageMoves.read(since: since, source: source)
            report = report.adding(linter.movedPageFindings(moves: moves, pages: pages))
        }
        print(format.format.render(report, links: linter.links), terminator: "")
        if !missing.isEmpty {
            Terminal.printDiagnostics(missing.map { .error("usage", at: SourceLocation(file: $0), "no such file or folder") })
            throw ExitCode(ExitCode.usage)
        }
        if report.failed(strict: strict) { throw ExitCode(ExitCode.contentErrors) }
    }
}

import ArgumentParser
import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookHighlight
import PlaybookStemmer
import PlaybookModel

/// `playbook build`: renders the site into the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render content/ through templates/ into a static site.",
        discussion: """
            The new site is written beside the output folder and swapped in only when the build \
            has no errors, so a failed build leaves the previous site as it was.
            The build cache (.playbook-cache/ in the site folder) lets the next build skip what \
            did not change: unchanged files are not read again, unchanged pages are not rendered \
            again. --clean ignores it and writes it anew.
            Exit status: 0 built, 1 content errors, 2 usage or I/O errors.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder (holds playbook.yml, content/, templates/).", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: public/ in the site folder).", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the site is published, e.g. /handbook/ (overrides playbook.yml).", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print the time each stage took.")
    var verbose = false

    @Flag(name: .long, help: "Lint, build and check links without writing anything (for pull requests).")
    var check = false

    @Flag(name: .long, help: "Ignore the build cache and rebuild everything (the cache is written anew).")
    var clean = false

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp("Where the build cache is kept (default: .playbook-cache/ in the site folder).", valueName: "dir"))
    var cacheDir: String?

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the build cache.")
    var noCache = false

    @Flag(name: .customLong("no-git"), help: "Do not read pages' last-updated dates and authors from git.")
    var noGit = false

    @Option(name: .long, help: ArgumentHelp("The day page reviews are measured against (default: SOURCE_DATE_EPOCH, else the clock).", valueName: "YYYY-MM-DD"))
    var today: String?

    func run() throws {
        let day = try Today.resolve(flag: today)
        InterruptGuard.shared.install()
        let outputPath = output ?? PathText.join(source, "public")
        var options = BuildOptions(source: source, output: check ? nil : outputPath, baseURL: baseURL, includeDrafts: drafts)
        if !noCache {
            options.cacheFolder = cacheDir ?? PathText.join(source, BuildOptions.defaultCacheFolderName)
        }
        options.clean = clean
        options.today = day
        options.git = !noGit
        options.codeColouring = CodeHighlighter()
        options.stemming = SnowballStemming()
        // Stage lines, `[2/5] render  3.84 s`: all of them with -v; on a terminal, the slow ones
        // of a large site.
        let showAll = verbose
        let showSlow = Terminal.isInteractive(FileHandle.standardOutput)
        options.progress = { stage, seconds in
            if showAll || (showSlow && seconds >= 0.5) {
                Terminal.standardOutput("  \(Self.progressLabel(stage)) \(Terminal.milliseconds(seconds))")
            }
        }
        let result = try SiteBuilder(options: options).build()
        if let note = result.cacheNote { Terminal.standardError("note: \(note)") }
        if verbose, let note = result.gitNote { Terminal.standardError("note: \(note); pages show no last-updated date") }
        // In migration mode (links: warn) broken links are summed up after the other findings.
        let brokenLinks = BrokenLinkSummary(result.diagnostics)
        let shown = verbose ? [] : Set(brokenLinks?.links ?? [])
        Terminal.printDiagnostics(result.diagnostics.filter { !shown.contains($0) })
        // The note on slugged URLs first: the summary of links to fix ends the output.
        if let slugChanges = SlugChanges(site: result.site) { Terminal.standardError("note: \(slugChanges.note)") }
        if let brokenLinks {
            printSummary(brokenLinks)
        }
        let total = result.stages.reduce(0) { $0 + $1.seconds }
        guard result.succeeded else {
            Terminal.standardError(
                check
                    ? "check failed: \(result.diagnostics.summary)"
                    : "build failed: \(result.diagnostics.summary); '\(outputPath)' was left as it was")
            throw ExitCode(ExitCode.contentErrors)
        }
        let warnings = result.diagnostics.count(of: .warning)
        if let upToDate = result.upToDate {
            print(
                "up to date: \(upToDate.pages) pages (\(upToDate.files) files) in \(outputPath), nothing changed since the last build"
                    + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s") from it)" : "")
                    + "; checked in \(Terminal.milliseconds(total))")
            return
        }
        if check {
            print(
                "checked \(result.pagesInNavigation.count) pages: they build and every link resolves; nothing was written"
                    + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : ""))
            return
        }
        print(
            "built \(result.pagesInNavigation.count) pages (\(result.fileCount) files) into \(outputPath) in \(Terminal.milliseconds(total))"
                + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
    }

    /// `[i/n] stage` for the build's stages, the name alone for the cache's reading and writing.
    static func progressLabel(_ stage: String) -> String {
        let name = stage.padding(toLength: 7, withPad: " ", startingAt: 0)
        guard let index = Build.stageNames.firstIndex(of: stage) else { return "      " + name }
        return "[\(index + 1)/\(Build.stageNames.count)] " + name
    }

    /// `N broken links in M pages`, the first few in full, and how to see the rest.
    private func printSummary(_ summary: BrokenLinkSummary) {
        let limit = 5
        var lines = ["\(summary.headline) (links: warn in playbook.yml keeps them from failing the build)"]
        if !verbose {
            lines += summary.listed(limit: limit).map { "  " + $0.description.replacingOccurrences(of: "\n", with: "\n  ") }
            if summary.links.count > limit {
                lines.append("  … and \(summary.links.count - limit) more: run 'playbook build -v' to list them all")
            }
        }
        Terminal.standardError(lines.joined(separator: "\n"))
    }
}

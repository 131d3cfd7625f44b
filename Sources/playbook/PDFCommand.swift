import ArgumentParser
import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookHighlight
import PlaybookModel
import PlaybookStemmer

/// `playbook pdf`: the whole playbook, or one plan's pack, as a PDF laid out by WeasyPrint.
struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Make a PDF of the whole playbook (cover, contents, every page), or of one plan.",
        discussion: """
            The site is built into a temporary folder (with the print page, whatever playbook.yml \
            says) and laid out by WeasyPrint (Debian package weasyprint; PLAYBOOK_WEASYPRINT names \
            another program) with templates/pdf.mustache and templates/pdf.css. The PDF replaces \
            the output file at once, so a failed run leaves the previous one.
            Exit status: 0 written, 1 content errors or the engine failed, 2 usage errors \
            (missing engine, bad flag, a --plan that is not a plan page).
            """
    )

    @Option(name: .long, help: ArgumentHelp("The PDF file to write (default: playbook.pdf in the site folder; for --plan, the plan's name).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The site folder (holds playbook.yml, content/, templates/).", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("The date on the cover (default: SOURCE_DATE_EPOCH, else the clock).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(name: .long, help: ArgumentHelp("One plan's pack instead of the whole playbook: plans/NAME.md.", valueName: "plan"))
    var plan: String?

    @Flag(name: .shortAndLong, help: "List the build's warnings, not only their number.")
    var verbose = false

    func run() throws {
        let day = try Today.resolve(flag: today)
        let engine = try PDFEngine.locate()
        InterruptGuard.shared.install()
        let target = output ?? PathText.join(source, plan == nil ? "playbook.pdf" : Self.packName(plan ?? ""))
        var export = PDFExport(source: source, output: target, today: day, plan: plan)
        export.codeColouring = CodeHighlighter()
        export.stemming = SnowballStemming()
        let start = Date()
        let outcome = try export.run(engine: engine)
        let warnings = outcome.warnings.filter { $0.severity == .warning }
        if verbose {
            Terminal.printDiagnostics(warnings)
        } else if !warnings.isEmpty {
            Terminal.standardError("note: the build had \(warnings.count) warning\(warnings.count == 1 ? "" : "s") (-v lists them)")
        }
        if outcome.planFindings > 0 {
            Terminal.standardError(
                "note: the plan does not lint clean: its \(outcome.planFindings) finding\(outcome.planFindings == 1 ? " is" : "s are") on the PDF's page 2 ('playbook lint \(PathText.join(source, outcome.planFile ?? plan ?? ""))' lists them)")
        }
        let what = plan == nil ? "the playbook (\(outcome.pages) pages of the site)" : "the plan \(plan ?? "")"
        print("wrote \(what) to \(outcome.output) (\(outcome.bytes / 1024) KiB) in \(Terminal.milliseconds(Date().timeIntervalSince(start)))")
    }

    /// The default file name of a plan's pack: `plans/payroll.md` → `payroll.pdf`.
    static func packName(_ plan: String) -> String {
        PathText.removingExtension(PathText.name(plan)) + ".pdf"
    }
}

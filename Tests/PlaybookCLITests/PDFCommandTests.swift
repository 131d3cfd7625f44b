import Foundation
import PlaybookTesting
import Testing

/// `playbook pdf`: what it says and how it exits when it cannot make the PDF, without needing
/// the engine (Tests/PDF lays out real PDFs with WeasyPrint).
@Suite struct PDFCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A small site with the shipped PDF templates, a page and a plan (which does not lint clean,
    /// so the site builds only without it).
    func site(pdfTemplates: Bool = true, plan: Bool = true) throws -> FixtureSite {
        var files = [
            "playbook.yml": "title: Handbook\n",
            "content/_index.md": page("Home", "Welcome.\n"),
            "content/guide/links.md": page("Links", "Text.\n"),
        ]
        if plan { files["content/plans/payroll.md"] = "---\ntype: plan\ntitle: Payroll\ncustomer: Northwind\n---\nThe plan.\n" }
        if pdfTemplates {
            for name in ["pdf.mustache", "pdf.css", "print.mustache"] {
                files["templates/" + name] = try String(
                    contentsOf: Self.repository.appendingPathComponent("templates/" + name), encoding: .utf8)
            }
        }
        return try FixtureSite(files)
    }

    @Test func aMissingEngineIsAUsageErrorNamingThePackage() throws {
        let site = try site()
        let run = try PlaybookBinary.run(
            ["pdf", "--source", site.root, "--output", site.root + "/out.pdf", "--today", "2026-06-01"],
            environment: ["PLAYBOOK_WEASYPRINT": site.root + "/no-such-weasyprint"])
        #expect(run.exited && run.status == 2)
        #expect(run.stderr.contains("PLAYBOOK_WEASYPRINT: error: the PDF engine '\(site.root)/no-such-weasyprint' (from PLAYBOOK_WEASYPRINT) is missing or cannot be run [usage]"))
        #expect(run.stderr.contains("hint: PLAYBOOK_WEASYPRINT must name an executable file; unset it to use 'weasyprint' on PATH"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/out.pdf"))
        let noPath = try PlaybookBinary.run(
            ["pdf", "--source", site.root, "--output", site.root + "/out.pdf"], environment: ["PATH": site.root, "PLAYBOOK_WEASYPRINT": ""])
        #expect(noPath.status == 2)
        #expect(noPath.stderr.contains("weasyprint: error: the PDF engine WeasyPrint is not installed: no 'weasyprint' on PATH [usage]"))
        #expect(noPath.stderr.contains("hint: install it with: sudo apt-get install weasyprint"))
    }

    @Test func aPlanPathThatIsNotAPlanIsAUsageErrorWithAHint() throws {
        let site = try site()
        let engine = ["PLAYBOOK_WEASYPRINT": "/bin/true"]  // found, never reached
        let page = try PlaybookBinary.run(
            ["pdf", "--source", site.root, "--plan", "guide/links.md", "--output", site.root + "/out.pdf", "--today", "2026-06-01"],
            environment: engine)
        #expect(page.exited && page.status == 2)
        #expect(page.stderr.contains("--plan: error: 'guide/links.md' is a page, not an engagement plan (its front matter has no 'type: plan') [usage]"))
        #expect(page.stderr.contains("hint: its plans: plans/payroll.md"))
        let typo = try PlaybookBinary.run(
            ["pdf", "--source", site.root, "--plan", "plans/payrol.md", "--output", site.root + "/out.pdf", "--today", "2026-06-01"],
            environment: engine)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("--plan: error: 'plans/payrol.md' is not a page of the site [usage]"))
        #expect(typo.stderr.contains("hint: did you mean 'plans/payroll.md'?"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/out.pdf"))
    }

    @Test func templatesWithoutThePDFOnesAndBadOutputsAreUsageErrors() throws {
        let site = try site(pdfTemplates: false)
        let engine = ["PLAYBOOK_WEASYPRINT": "/bin/true"]
        let run = try PlaybookBinary.run(["pdf", "--source", site.root, "--today", "2026-06-01"], environment: engine)
        #expect(run.status == 2)
        #expect(run.stderr.contains("templates/pdf.mustache: error: the template 'pdf' is missing [usage]"))
        let folder = try PlaybookBinary.run(["pdf", "--source", site.root, "--output", site.root], environment: engine)
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("error: the output is a folder"))
    }

    @Test func anEngineThatFailsIsExitOneWithItsErrorInOneLine() throws {
        let site = try site(plan: false)
        let script = site.root + "/fake-weasyprint"
        try site.write("fake-weasyprint", "#!/bin/sh\necho 'Traceback (most recent call last):' >&2\necho '  File \"x.py\"' >&2\necho 'ValueError: broken stylesheet' >&2\nexit 3\n")
        chmod(script, 0o755)
        try site.write("old.pdf", "previous")
        let run = try PlaybookBinary.run(
            ["pdf", "--source", site.root, "--output", site.root + "/old.pdf", "--today", "2026-06-01"],
            environment: ["PLAYBOOK_WEASYPRINT": script])
        #expect(run.exited && run.status == 1)
        #expect(run.stderr.contains("weasyprint: error: WeasyPrint could not make the PDF: ValueError: broken stylesheet [pdf/engine]"))
        #expect(!run.stderr.contains("Traceback"))
        #expect(try String(contentsOfFile: site.root + "/old.pdf", encoding: .utf8) == "previous")
    }
}

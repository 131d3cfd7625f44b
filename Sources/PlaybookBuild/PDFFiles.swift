internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// The files `playbook pdf` reads and writes: its templates, the temporary folder, the built
/// page whose article it takes, and the PDF put in place with a rename.
enum PDFFiles {
    /// The site's `pdf.mustache` (in the loaded templates) and `pdf.css`.
    struct Templates {
        var set: TemplateSet
        var stylesheet: [UInt8]
    }

    /// The site's templates, with the two the PDF needs.
    ///
    /// - Throws: `DiagnosticError` (usage) when the templates do not load or either file is missing.
    static func templates(in source: String) throws -> Templates {
        let folder = PathText.join(source, "templates")
        let (set, problems) = TemplateSet.load(from: folder)
        guard let set else { throw DiagnosticError(problems, isUsage: true) }
        let hint = "copy templates/pdf.mustache and templates/pdf.css from the shipped playbook"
        guard set.names.contains("pdf") else {
            throw DiagnosticError.usage("the template 'pdf' is missing", file: "templates/pdf.mustache", hint: hint)
        }
        guard let css = FileManager.default.contents(atPath: PathText.join(folder, "pdf.css")) else {
            throw DiagnosticError.usage("the PDF stylesheet is missing", file: "templates/pdf.css", hint: hint)
        }
        return Templates(set: set, stylesheet: [UInt8](css))
    }

    /// A new, empty folder of its own under the system's temporary folder. Its path is used in
    /// URLs, so a temporary folder whose path needs escaping is passed over for `/tmp`.
    static func temporaryFolder() throws -> String {
        var base = FileManager.default.temporaryDirectory.path
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-")
        if base.unicodeScalars.contains(where: { !plain.contains($0) }) { base = "/tmp" }
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        let folder = base + "/playbook-pdf-" + UUID().uuidString.lowercased()
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        } catch {
            throw DiagnosticError.usage("cannot make a temporary folder: \(error.localizedDescription)", file: base)
        }
        return folder
    }

    /// The `<article>` of a built page, tags included.
    ///
    /// - Throws: `DiagnosticError` (usage) when the build made no such page or it has no article.
    static func article(of page: Page, in result: BuildResult) throws -> String {
        guard let file = result.files.first(where: { $0.path == page.outputPath }), case .text(let html) = file.contents else {
            throw DiagnosticError.usage("the build made no page at '\(page.outputPath)'", file: page.displayPath)
        }
        guard let start = html.range(of: "<article"), let end = html.range(of: "</article>", options: .backwards),
            start.lowerBound < end.lowerBound
        else {
            throw DiagnosticError.usage(
                "the built page has no <article>: its template must wrap the page in one", file: page.displayPath)
        }
        return String(html[start.lowerBound..<end.upperBound]) + "\n"
    }

    /// Writes the built site's files but its pages into `folder`: the stylesheets and the
    /// images the document loads (a page's HTML goes into the document, not on disk).
    static func writeFiles(of result: BuildResult, into folder: String) throws {
        let files = FileManager.default
        for file in result.files where !file.path.hasSuffix(".html") {
            let target = folder + "/" + file.path
            do {
                try files.createDirectory(atPath: PathText.parent(target), withIntermediateDirectories: true)
                switch file.contents {
                case .text(let text): try write(Array(text.utf8), to: target)
                case .copy(let from), .link(let from): try files.copyItem(atPath: from, toPath: target)
                case .written: continue
                }
            } catch let error as DiagnosticError {
                throw error
            } catch {
                throw DiagnosticError.usage("cannot write the temporary file: \(error.localizedDescription)", file: target)
            }
        }
    }

    /// The site's stylesheets in the built folder (`style.css` first), as URLs there.
    static func stylesheets(in siteFolder: String) -> [String] {
        let assets = siteFolder + "/assets"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: assets)) ?? []).filter { $0.hasSuffix(".css") }
        return names.sorted { ($0 == "style.css" ? 0 : 1, $0) < ($1 == "style.css" ? 0 : 1, $1) }.map { assets + "/" + $0 }
    }

    /// `html` with its images (`src` under the site's base path, `/handbook/logo.svg`) loaded
    /// from the built `folder`: the engine reads files, not the published site. Links keep the
    /// site's addresses, and the text keeps them too, so the temporary folder's name is nowhere
    /// in the PDF. A protocol-relative `src` (`//host/…`) is left alone.
    static func loadingImages(_ html: String, basePath: String, from folder: String) -> String {
        let marker = " src=\"" + basePath
        var result = ""
        var rest = Substring(html)
        while let range = rest.range(of: marker) {
            result += rest[..<range.lowerBound]
            let next = rest[range.upperBound...].first
            result += basePath == "/" && next == "/" ? marker : " src=\"" + folder + "/"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// Writes `bytes` to a file of the temporary folder.
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw DiagnosticError.usage("cannot write the temporary file", file: path)
        }
    }

    /// Refuses an output that is a folder, or whose folder does not exist.
    static func checkWritable(_ output: String) throws {
        guard !output.isEmpty else { throw DiagnosticError.usage("'--output' is empty", file: "--output", hint: "name a file, such as public/playbook.pdf") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
            throw DiagnosticError.usage("the output is a folder", file: output, hint: "name a file, such as public/playbook.pdf")
        }
        let parent = PathText.parent(output)
        guard FileManager.default.fileExists(atPath: parent.isEmpty ? "." : parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticError.usage("the output's folder does not exist", file: output, hint: "make the folder first")
        }
    }

    /// Puts the PDF at `output` all at once: copied beside it as `NAME.tmp-PID`, then renamed
    /// over it, so a reader sees the old file or the new one, never half of one.
    ///
    /// - Returns: its size in bytes.
    static func install(_ pdf: String, at output: String) throws -> Int {
        let temporary = output + ".tmp-\(getpid())"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try FileManager.default.copyItem(atPath: pdf, toPath: temporary)
        } catch {
            throw DiagnosticError.usage("cannot write the PDF: \(error.localizedDescription)", file: output)
        }
        guard rename(temporary, output) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw DiagnosticError.usage("cannot put the PDF in place: \(reason)", file: output)
        }
        return ((try? FileManager.default.attributesOfItem(atPath: output))?[.size] as? Int) ?? 0
    }
}

internal import Foundation
internal import PlaybookDiagnostics
internal import PlaybookModel

/// An mdBook project: `book.toml` (`[book]` title, description, src) and `SUMMARY.md` in the
/// source folder, whose nested lists are the book's chapters in order.
struct MdBookProject {
    let files: ProjectFiles

    func read() -> Migration {
        var migration = Migration(tool: .mdbook, contentFolder: "src")
        guard let text = files.text("book.toml") else {
            migration.notes.append(.error("migrate/missing", at: SourceLocation(file: "book.toml"), "no book.toml in this folder, so it is not an mdBook project",
                hint: "pass the folder that holds book.toml, or another --from"))
            return migration
        }
        let toml = TOMLKeys(text, file: "book.toml")
        if let title = toml.value("title", in: "book") { migration.config.append(("title", title)) }
        if let description = toml.value("description", in: "book") { migration.config.append(("description", description)) }
        if let repository = toml.value("git-repository-url", in: "output.html") { migration.config.append(("repository", repository)) }
        if let source = toml.value("src", in: "book") { migration.contentFolder = source.hasSuffix("/") ? String(source.dropLast()) : source }
        for table in toml.tables where table.name.hasPrefix("preprocessor.") {
            migration.notes.append(Diagnostic(.note, code: "migrate/plugin", at: table.location,
                "the preprocessor '\(table.name.dropFirst("preprocessor.".count))' has no counterpart; what it adds to chapters is not carried",
                hint: "check the chapters that use it after the move"))
        }
        let summaryPath = PathText.join(migration.contentFolder, "SUMMARY.md")
        guard let summary = files.text(summaryPath) else {
            migration.notes.append(.error("migrate/missing", at: SourceLocation(file: summaryPath), "the book has no SUMMARY.md, so its chapters have no order"))
            return migration
        }
        let content = migration.contentFolder
        migration.notes.append(Diagnostic(.note, code: "migrate/summary-page", at: SourceLocation(file: summaryPath),
            "SUMMARY.md is read as a page of the site too", hint: "remove it once the order is carried, or keep it as a table of contents"))
        var planner = NavPlanner(exists: { files.isFile(PathText.join(content, $0)) }, isFolder: { files.isFolder(PathText.join(content, $0)) })
        let items = SummaryReader(file: summaryPath).read(summary, into: &migration)
        planner.place(items, in: "")
        migration.sections = planner.sections
        migration.notes += planner.notes
        return migration
    }
}

/// Reads mdBook's `SUMMARY.md`: `# Summary`, prefix chapters (`[Intro](intro.md)`), list items
/// nested by indentation (`- [Chapter](ch1.md)`), draft chapters (`- [Later]()`), separators
/// (`---`) and part titles (`# Part I`).
struct SummaryReader {
    let file: String

    func read(_ text: String, into migration: inout Migration) -> [NavItem] {
        var flat: [(indent: Int, item: NavItem)] = []
        var sawTitle = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
            let line = raw.trimmed([" ", "\t", "\r"])
            let location = SourceLocation(file: file, line: index + 1, column: indent + 1)
            if line.hasPrefix("#") {
                if sawTitle {
                    migration.notes.append(Diagnostic(.note, code: "migrate/summary-part", at: location,
                        "the part title '\(line.drop { $0 == "#" || $0 == " " })' is not carried; Playbook's sidebar has no parts",
                        hint: "make the part a folder with its own _index.md to keep it as a heading"))
                }
                sawTitle = true
            } else if line.count >= 3, line.allSatisfy({ $0 == "-" }) {
                migration.notes.append(Diagnostic(.note, code: "migrate/summary-separator", at: location, "separators are not carried"))
            } else if let (title, target) = Self.link(line.hasPrefix("- ") || line.hasPrefix("* ") ? String(line.dropFirst(2)) : line) {
                if target.isEmpty {
                    migration.notes.append(Diagnostic(.note, code: "migrate/summary-draft", at: location,
                        "'\(title)' is a draft chapter without a file; nothing is carried",
                        hint: "write the page, then list it in its section's order"))
                }
                flat.append((indent, NavItem(title: title, path: target.isEmpty ? nil : Self.cleaned(target), location: location)))
            }
        }
        return Self.tree(flat[...])
    }

    /// Nests the entries: those indented more than an entry, up to the next that is not, are its
    /// chapters.
    static func tree(_ flat: ArraySlice<(indent: Int, item: NavItem)>) -> [NavItem] {
        var result: [NavItem] = []
        var index = flat.startIndex
        while index < flat.endIndex {
            let indent = flat[index].indent
            var end = index + 1
            while end < flat.endIndex, flat[end].indent > indent { end += 1 }
            var item = flat[index].item
            item.children = tree(flat[(index + 1)..<end])
            result.append(item)
            index = end
        }
        return result
    }

    /// The title and target of `[title](target)`.
    static func link(_ text: String) -> (String, String)? {
        guard text.hasPrefix("["), let close = text.range(of: "]("), text.hasSuffix(")") else { return nil }
        let title = String(text[text.index(after: text.startIndex)..<close.lowerBound])
        let target = String(text[close.upperBound..<text.index(before: text.endIndex)])
        return (title, target)
    }

    /// A target without `./` or an anchor, percent-encoded spaces decoded.
    static func cleaned(_ target: String) -> String {
        var path = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        if path.hasPrefix("./") { path = String(path.dropFirst(2)) }
        return path.replacingOccurrences(of: "%20", with: " ")
    }
}

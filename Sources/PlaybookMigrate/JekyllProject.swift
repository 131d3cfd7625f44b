internal import Foundation
internal import PlaybookDiagnostics
internal import PlaybookModel

/// A Jekyll project (just-the-docs and GitHub Pages alike): `_config.yml` in the folder or in its
/// `docs/` (the site is then that folder), `redirect_from` (jekyll-redirect-from) and
/// `nav_order`, and the Liquid tags of the pages.
struct JekyllProject {
    let files: ProjectFiles

    func read() -> Migration {
        var migration = Migration(tool: .jekyll, contentFolder: "docs")
        guard files.isFile("docs/_config.yml") else {
            let atRoot = files.isFile("_config.yml")
            migration.notes.append(.error("migrate/missing", at: SourceLocation(file: atRoot ? "_config.yml" : "docs/_config.yml"),
                atRoot ? "the Jekyll site is this folder itself; Playbook reads pages from a folder inside the site folder"
                    : "no _config.yml here or in docs/, so it is not a Jekyll project",
                hint: atRoot ? "move the site into docs/ (git mv), or run playbook migrate on the folder above it" : "pass the folder that holds the site, or another --from"))
            return migration
        }
        readConfig("docs/_config.yml", into: &migration)
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: PathText.join(files.root, "docs")) {
            for name in entries.sorted() where name.hasPrefix("_") && files.isFolder(PathText.join("docs", name)) {
                migration.note("migrate/jekyll-folder", "docs/\(name)/", "Jekyll's \(name) is not carried, and its Markdown files would be read as pages",
                    hint: "move it out of docs/ once the move is done")
            }
        }
        for file in files.markdownFiles(in: "docs") where !file.hasPrefix("_") {
            guard let page = PageScan(file: file, display: "docs/" + file, files: files, migration: &migration) else { continue }
            readPage(page, into: &migration)
        }
        return migration
    }

    private func readConfig(_ file: String, into migration: inout Migration) {
        let pairs = files.yaml(file, into: &migration)?.mapping ?? []
        let value = { (key: String) in pairs.first { $0.key.scalarText == key }?.value.scalarText }
        if let title = value("title") { migration.config.append(("title", title)) }
        if let description = value("description") { migration.config.append(("description", description)) }
        if let base = value("baseurl"), !base.isEmpty {
            migration.config.append(("base-url", (value("url") ?? "") + base))
        }
        for (key, node) in pairs where ["plugins", "gems"].contains(key.scalarText ?? "") {
            for plugin in node.sequence ?? [] where plugin.scalarText != "jekyll-redirect-from" {
                migration.notes.append(Diagnostic(.note, code: "migrate/plugin", at: plugin.location,
                    "the plugin '\(plugin.scalarText ?? "?")' has no counterpart; what it adds is not carried"))
            }
        }
        for (key, node) in pairs where ["theme", "remote_theme"].contains(key.scalarText ?? "") {
            migration.notes.append(Diagnostic(.note, code: "migrate/theme", at: node.location,
                "the theme '\(node.scalarText ?? "?")' is not carried; Playbook renders with its own templates/"))
        }
    }

    private func readPage(_ page: PageScan, into migration: inout Migration) {
        var plan = FrontMatterPlan(file: page.file)
        if page["redirect_from"] != nil { plan.renames.append(.init(from: "redirect_from", to: "aliases")) }
        if page["nav_order"] != nil, page["weight"] == nil { plan.renames.append(.init(from: "nav_order", to: "weight")) }
        if page["published"]?.bool == false, page["draft"] == nil {
            plan.renames.append(.init(from: "published", to: "draft"))
            plan.sets.append(.init(key: "draft", value: "true"))
        }
        if let key = page.keyNode("permalink") {
            migration.notes.append(Diagnostic(.note, code: "migrate/permalink", at: key.location,
                "'permalink' is not carried; the page's address follows its file's path",
                hint: "add the old address to 'aliases' so links to it keep working"))
        }
        if !plan.isEmpty { migration.pages.append(plan) }
        migration.notes += page.tags(opening: ["{%", "{{"], what: "Liquid tag",
            hint: "write what it shows in Markdown; a link made with {% link %} as a relative link to the .md file")
    }
}

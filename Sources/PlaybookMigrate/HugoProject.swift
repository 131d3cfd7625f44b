internal import PlaybookDiagnostics
internal import PlaybookModel

/// A Hugo project: its configuration (`hugo.toml`, `config.toml`, `hugo.yaml`, `config.yaml`),
/// and the front matter and shortcodes of the pages in `content/`. `weight`, `draft` and
/// `aliases` mean the same in Playbook, so they stay as written.
struct HugoProject {
    let files: ProjectFiles

    static let configFiles = ["hugo.toml", "config.toml", "hugo.yaml", "config.yaml", "hugo.yml", "config.yml"]

    func read() -> Migration {
        var migration = Migration(tool: .hugo, contentFolder: "content")
        guard let configFile = Self.configFiles.first(where: files.isFile) else {
            migration.notes.append(.error("migrate/missing", at: SourceLocation(file: "hugo.toml"), "no hugo.toml or config.toml in this folder, so it is not a Hugo project",
                hint: "pass the folder that holds the site's configuration, or another --from"))
            return migration
        }
        readConfig(configFile, into: &migration)
        for file in files.markdownFiles(in: migration.contentFolder) {
            let display = PathText.join(migration.contentFolder, file)
            guard let page = PageScan(file: file, display: display, files: files, migration: &migration) else { continue }
            readPage(page, into: &migration)
        }
        return migration
    }

    private func readConfig(_ file: String, into migration: inout Migration) {
        let keys: [String: (value: String, location: SourceLocation)]
        if file.hasSuffix(".toml") {
            let toml = TOMLKeys(files.text(file) ?? "", file: file)
            keys = Dictionary(toml.entries.filter { $0.table.isEmpty }.map { ($0.key, ($0.value, $0.location)) }, uniquingKeysWith: { a, _ in a })
            for table in toml.tables where table.name.hasPrefix("module") || table.name.hasPrefix("params") {
                migration.notes.append(Diagnostic(.note, code: "migrate/setting", at: table.location, "the settings of [\(table.name)] are not carried"))
            }
        } else {
            let pairs = files.yaml(file, into: &migration)?.mapping ?? []
            keys = Dictionary(pairs.compactMap { pair in pair.value.scalarText.map { (pair.key.scalarText ?? "", ($0, pair.key.location)) } },
                              uniquingKeysWith: { a, _ in a })
        }
        if let title = keys["title"] { migration.config.append(("title", title.value)) }
        if let base = keys["baseURL"] ?? keys["baseurl"] { migration.config.append(("base-url", base.value)) }
        if let language = keys["languageCode"] { migration.config.append(("language", language.value)) }
        if let folder = keys["contentDir"] { migration.contentFolder = folder.value }
        if let theme = keys["theme"] {
            migration.notes.append(Diagnostic(.note, code: "migrate/theme", at: theme.location,
                "the theme '\(theme.value)' is not carried; Playbook renders with its own templates/"))
        }
    }

    private func readPage(_ page: PageScan, into migration: inout Migration) {
        var plan = FrontMatterPlan(file: page.file)
        if page["linkTitle"] != nil {
            if page["title"] == nil {
                plan.renames.append(.init(from: "linkTitle", to: "title"))
            } else if let key = page.keyNode("linkTitle") {
                migration.notes.append(Diagnostic(.note, code: "migrate/link-title", at: key.location,
                    "'linkTitle' (a shorter title for menus) is not carried; the sidebar shows 'title'",
                    hint: "shorten 'title' if the sidebar needs it"))
            }
        }
        if let aliases = page["aliases"] {
            for alias in aliases.sequence ?? [aliases] where !(alias.scalarText ?? "/").hasPrefix("/") {
                migration.notes.append(Diagnostic(.note, code: "migrate/alias", at: alias.location,
                    "the alias '\(alias.scalarText ?? "")' is relative; Playbook's aliases are paths from the site's root",
                    hint: "write it from the root, starting with /"))
            }
        }
        if !plan.isEmpty { migration.pages.append(plan) }
        migration.notes += page.tags(opening: ["{{<", "{{%"], what: "shortcode",
            hint: "write what it shows in Markdown (a figure as an image, a note as a > blockquote)")
    }
}

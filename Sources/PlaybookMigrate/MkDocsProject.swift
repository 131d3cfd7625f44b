internal import PlaybookDiagnostics
internal import PlaybookModel

/// An MkDocs project: `mkdocs.yml` (site settings, `docs_dir`, `nav`, plugins and Markdown
/// extensions) and awesome-pages `.pages` files in the docs folder.
struct MkDocsProject {
    let files: ProjectFiles

    /// The keys of `mkdocs.yml` that become `playbook.yml` keys.
    static let configKeys = [("site_name", "title"), ("site_description", "description"), ("site_url", "base-url"), ("repo_url", "repository")]
    /// Keys MkDocs has that need nothing here (the theme is Playbook's own).
    static let quietKeys: Set<String> = ["docs_dir", "nav", "site_dir", "theme", "copyright", "repo_name", "edit_uri", "site_author"]

    func read() -> Migration {
        var migration = Migration(tool: .mkdocs, contentFolder: "docs")
        guard files.isFile("mkdocs.yml") else {
            migration.notes.append(.error("migrate/missing", at: SourceLocation(file: "mkdocs.yml"), "no mkdocs.yml in this folder, so it is not an MkDocs project",
                hint: "pass the folder that holds mkdocs.yml, or another --from"))
            return migration
        }
        guard let root = files.yaml("mkdocs.yml", into: &migration)?.mapping else { return migration }
        for (key, value) in root {
            readKey(key, value, into: &migration)
        }
        let content = migration.contentFolder
        var planner = NavPlanner(exists: { files.isFile(PathText.join(content, $0)) }, isFolder: { files.isFolder(PathText.join(content, $0)) })
        if let nav = root.first(where: { $0.key.scalarText == "nav" })?.value {
            planner.place(items(nav.sequence ?? [], into: &migration), in: "")
        }
        readPagesFiles(into: &planner, migration: &migration)
        migration.sections = planner.sections
        migration.notes += planner.notes
        return migration
    }

    private func readKey(_ key: YAMLNode, _ value: YAMLNode, into migration: inout Migration) {
        let name = key.scalarText ?? ""
        if let target = Self.configKeys.first(where: { $0.0 == name })?.1, let text = value.scalarText {
            migration.config.append((target, text))
        } else if name == "edit_uri", let text = value.scalarText, let branch = Self.branch(inEditURI: text) {
            migration.config.append(("edit-branch", branch))
        } else if name == "docs_dir", let text = value.scalarText {
            migration.contentFolder = text.hasSuffix("/") ? String(text.dropLast()) : text
        } else if name == "plugins" || name == "markdown_extensions" {
            for entry in value.sequence ?? [] {
                let entryName = entry.scalarText ?? entry.mapping?.first?.key.scalarText ?? "?"
                guard !["search", "awesome-pages", "toc", "tables", "fenced_code", "admonition"].contains(entryName) else { continue }
                migration.notes.append(Diagnostic(.note, code: "migrate/plugin", at: entry.location,
                    "the \(name == "plugins" ? "plugin" : "Markdown extension") '\(entryName)' has no counterpart; what it adds to pages is not carried",
                    hint: "check the pages that use it after the move"))
            }
        } else if !Self.quietKeys.contains(name), !Self.configKeys.contains(where: { $0.0 == name }) {
            migration.notes.append(Diagnostic(.note, code: "migrate/setting", at: key.location, "the setting '\(name)' is not carried"))
        }
    }

    /// The branch in an `edit_uri` such as `edit/main/docs/`.
    static func branch(inEditURI uri: String) -> String? {
        let parts = uri.split(separator: "/")
        guard parts.count >= 2, ["edit", "blob", "tree"].contains(parts[0]) else { return nil }
        return String(parts[1])
    }

    /// The entries of a `nav` list: `page.md`, `Title: page.md`, `Title: https://…` (a note),
    /// `Section: [entries]`.
    private func items(_ list: [YAMLNode], into migration: inout Migration) -> [NavItem] {
        var result: [NavItem] = []
        for entry in list {
            if let path = entry.scalarText {
                result.append(NavItem(title: nil, path: path, location: entry.location))
                continue
            }
            guard let (key, value) = entry.mapping?.first else { continue }
            let title = key.scalarText
            if let children = value.sequence {
                result.append(NavItem(title: title, path: nil, location: key.location, children: items(children, into: &migration)))
            } else if let target = value.scalarText, target.contains("://") || target.hasPrefix("mailto:") {
                migration.notes.append(Diagnostic(.note, code: "migrate/external-link", at: value.location,
                    "the nav entry '\(title ?? target)' links to another site; Playbook's sidebar lists pages only",
                    hint: "link to \(target) from a page instead"))
            } else if let target = value.scalarText {
                result.append(NavItem(title: title, path: target, location: value.location))
            }
        }
        return result
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel

extension MkDocsProject {
    /// Reads every `.pages` file of the docs folder (awesome-pages): `title:` names the folder's
    /// section, `nav:` (or the older `arrange:`) lists its entries in order; `...` stands for the
    /// rest, which Playbook puts after the listed ones anyway.
    func readPagesFiles(into planner: inout NavPlanner, migration: inout Migration) {
        let content = migration.contentFolder
        for file in files.files(named: ".pages", in: content) {
            let path = PathText.join(content, file)
            guard let root = files.yaml(path, into: &migration) else { continue }
            let folder = PathText.parent(file)
            let title = root["title"]?.scalarText
            var names: [String] = []
            var afterRest = false
            for entry in (root["nav"] ?? root["arrange"])?.sequence ?? [] {
                guard let name = entryName(entry, folder: folder, file: path, migration: &migration) else { continue }
                if name == "..." {
                    afterRest = true
                } else if afterRest {
                    migration.note("migrate/pages-rest", path, line: entry.location.line, column: entry.location.column,
                        "'\(name)' comes after '...' here; Playbook puts it among the unlisted entries, by weight, then title")
                } else if !NavPlanner.isIndex(name) {
                    names.append(name)
                }
            }
            planner.set(order: names, title: title, in: folder, at: SourceLocation(file: path, line: 1, column: 1))
        }
    }

    /// The order name of one `.pages` entry: a page's file name, a folder's name with `/`,
    /// `...`; `nil` (with a note) for a link or a name that is neither.
    private func entryName(_ entry: YAMLNode, folder: String, file: String, migration: inout Migration) -> String? {
        guard let name = entry.scalarText ?? entry.mapping?.first?.value.scalarText else { return nil }
        if name == "..." { return name }
        if name.contains("://") {
            migration.notes.append(Diagnostic(.note, code: "migrate/external-link", at: entry.location,
                "this entry links to another site; Playbook's sidebar lists pages only", hint: "link to \(name) from a page instead"))
            return nil
        }
        let full = PathText.join(PathText.join(migration.contentFolder, folder), name)
        if files.isFolder(full) { return name.hasSuffix("/") ? name : name + "/" }
        if files.isFile(full) { return name }
        migration.notes.append(Diagnostic(.note, code: "migrate/nav-missing", at: entry.location,
            "'\(name)' is not a page or folder of \(PathText.join(migration.contentFolder, folder))/; it is left out of the order"))
        return nil
    }
}

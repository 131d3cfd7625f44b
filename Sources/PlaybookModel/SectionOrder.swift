public import PlaybookDiagnostics

/// One name of a section page's `order:` list, with where it was written.
///
/// A page is named by its file name (`promise.md`); a sub-folder by its name, with or without a
/// trailing `/` (`checklists` or `checklists/`): the slash only says "the folder, not a file".
public struct OrderName: Sendable, Hashable {
    /// The name without a trailing `/`.
    public var name: String
    /// True when the name was written with a trailing `/`, so only a folder matches it.
    public var folderOnly: Bool
    /// The list item's position in the file.
    public var location: SourceLocation

    /// Creates a name as read from the list.
    public init(name: String, folderOnly: Bool = false, location: SourceLocation) {
        self.name = name
        self.folderOnly = folderOnly
        self.location = location
    }
}

extension FieldReader {
    /// The value of `order:` as names, or none (with a positioned error) when it is not a list
    /// of names; an item that is not a name is an error at that item.
    public mutating func orderNames(_ node: YAMLNode, key: String) -> [OrderName] {
        if node.isNull { return [] }
        guard let items = node.sequence else {
            wrongType(
                node, key: key, expected: "a list of the section's file and folder names",
                hint: "write it as '\(key): [promise.md, plan.md, checklists/]'")
            return []
        }
        var names: [OrderName] = []
        for item in items {
            // A scalar of any kind is a name: a folder may well be called `2024`.
            guard var text = item.scalarText, !text.isEmpty, text != "/" else {
                error(
                    "field/type", at: item,
                    "each entry of '\(key)' must be a file or folder name, not \(item.kindDescription)",
                    hint: "one name per entry: '- promise.md'")
                continue
            }
            let folderOnly = text.hasSuffix("/")
            if folderOnly { text.removeLast() }
            names.append(OrderName(name: text, folderOnly: folderOnly, location: item.location))
        }
        return names
    }
}

/// Puts a section's entries in the order its page's `order:` lists, the entries it does not list
/// after them in the order they came (weight, then title), and reports the names that are not
/// entries of the section or are listed twice.
struct SectionOrder {
    /// The section's folder, relative to content.
    let folder: String
    /// The names listed, in order.
    let names: [OrderName]
    /// Every Markdown file under content (`a/b.md`) and every folder holding one (`a/`), whether
    /// or not it made a page: a draft left out of this build, or a page with errors, is skipped
    /// without a second complaint.
    let existing: Set<String>

    /// What of an entry `order:` matches: its file or folder name, and whether it is a folder.
    struct Key {
        var name: String
        var isFolder: Bool
    }

    /// `entries` (already in the default order) rearranged, and the problems with the names.
    func arrange<Entry>(_ entries: [Entry], key: (Entry) -> Key) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        let keys = entries.map(key)
        var positionByName: [String: Int] = [:]
        for (position, entryKey) in keys.enumerated() { positionByName[entryKey.name] = position }
        var first: [Entry] = []
        var placed: Set<Int> = []
        var seen: [String: OrderName] = [:]
        var diagnostics: [Diagnostic] = []
        for item in names {
            if let earlier = seen[item.name] {
                diagnostics.append(
                    .error(
                        "order/duplicate", at: item.location,
                        "'\(item.name)' is listed twice in 'order'",
                        hint: "it is already listed at line \(earlier.location.line), column \(earlier.location.column); remove one of the two"))
                continue
            }
            seen[item.name] = item
            if let position = positionByName[item.name], keys[position].isFolder || !item.folderOnly {
                first.append(entries[position])
                placed.insert(position)
            } else if !isSkipped(item) {
                diagnostics.append(unknown(item, entries: keys))
            }
        }
        let rest = entries.indices.filter { !placed.contains($0) }.map { entries[$0] }
        return (first + rest, diagnostics)
    }

    /// True for a name that is a file or folder of the section without being one of its entries
    /// in this build (a draft, a page with errors of its own): nothing to order, nothing to fix.
    private func isSkipped(_ item: OrderName) -> Bool {
        guard !isIndexName(item.name), !item.name.contains("/") else { return false }
        let path = PathText.join(folder, item.name)
        return existing.contains(path + "/") || (!item.folderOnly && existing.contains(path))
    }

    private func isIndexName(_ name: String) -> Bool {
        let ext = PathText.fileExtension(name).lowercased()
        return (ext == "md" || ext == "markdown")
            && PageLocation.sectionIndexNames.contains(PathText.removingExtension(name).lowercased())
    }

    private func unknown(_ item: OrderName, entries: [Key]) -> Diagnostic {
        let place = PathText.parent(item.location.file) + "/"
        let written = item.name + (item.folderOnly ? "/" : "")
        return .error(
            "order/unknown", at: item.location,
            "'\(written)' in 'order' is not a page or folder in \(place)",
            hint: hint(for: item, entries: entries))
    }

    private func hint(for item: OrderName, entries: [Key]) -> String {
        let names = entries.map(\.name)
        if let slash = item.name.firstIndex(of: "/") {
            return "list only this folder's own pages and folders; order the entries of "
                + "'\(item.name[..<slash])' in that folder's own _index.md"
        }
        if isIndexName(item.name) {
            return "the section's own page always comes first; list its other pages and folders"
        }
        if let page = ["md", "markdown"].map({ item.name + "." + $0 }).first(where: names.contains) {
            return "did you mean '\(page)'? pages are listed by file name"
        }
        if let suggestion = Suggestions.didYouMean(item.name, in: names) { return suggestion }
        if entries.isEmpty { return "this folder has no other pages or folders" }
        let shown = entries.map { $0.name + ($0.isFolder ? "/" : "") }.sorted().prefix(8)
        return "its entries are " + shown.joined(separator: ", ") + (entries.count > 8 ? ", …" : "")
    }
}

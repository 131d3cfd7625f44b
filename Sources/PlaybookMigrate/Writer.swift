internal import Foundation
internal import PlaybookDiagnostics
internal import PlaybookModel

/// Writes a migration's files, or (without `write`) lists them: `playbook.yml` (never over one
/// that says something else), section pages, front-matter edits.
struct Writer {
    let root: String
    let write: Bool
    private(set) var actions: [String] = []
    private(set) var problems: [Diagnostic] = []
    private(set) var changed = 0

    init(root: String, write: Bool) {
        self.root = root
        self.write = write
    }

    mutating func writeConfig(_ text: String) {
        let bytes = Array(text.utf8)
        switch read("playbook.yml") {
        case bytes?: actions.append("unchanged     playbook.yml")
        case _?:
            problems.append(.warning("migrate/config-exists", at: SourceLocation(file: "playbook.yml"),
                "playbook.yml is already there and says something else; it was left as it is",
                hint: "remove it to have it written again, or add what the migration found by hand:\n" + text))
        case nil: save(bytes, to: "playbook.yml", action: "create")
        }
    }

    mutating func writeOrder(_ section: SectionPlan, content: String) {
        let folder = PathText.join(content, section.folder)
        if let index = Self.indexPage(in: PathText.join(root, folder)) {
            let path = PathText.join(folder, index)
            guard !section.order.isEmpty, let bytes = read(path) else { return }
            apply(FrontMatterEdit.setting("order", list: section.order, in: bytes, file: path), to: path, before: bytes, what: "order")
            return
        }
        var lines = ["---"]
        if let title = section.title { lines.append("title: \(FrontMatterEdit.written(title))") }
        if !section.order.isEmpty { lines.append("order: [" + section.order.map(FrontMatterEdit.written).joined(separator: ", ") + "]") }
        lines.append("---")
        let path = PathText.join(folder, "_index.md")
        save(Array((lines.joined(separator: "\n") + "\n").utf8), to: path, action: "create")
    }

    mutating func editFrontMatter(_ plan: FrontMatterPlan, content: String) {
        let path = PathText.join(content, plan.file)
        guard let original = read(path) else { return }
        var bytes = original
        for rename in plan.renames {
            guard case .success(let outcome) = note(FrontMatterEdit.renaming(rename.from, to: rename.to, in: bytes, file: path)) else { return }
            bytes = outcome.bytes
        }
        for setting in plan.sets {
            let result = setting.value == "true" || setting.value == "false"
                ? FrontMatterEdit.setting(setting.key, flag: setting.value == "true", in: bytes, file: path)
                : FrontMatterEdit.setting([(setting.key, setting.value)], in: bytes, file: path)
            guard case .success(let outcome) = note(result) else { return }
            bytes = outcome.bytes
        }
        let what = (plan.renames.map { "\($0.from) → \($0.to)" } + plan.sets.map { "\($0.key): \($0.value)" }).joined(separator: ", ")
        if bytes == original {
            actions.append("unchanged     \(path)")
        } else {
            save(bytes, to: path, action: "edit", detail: what)
        }
    }

    private mutating func apply(_ result: Result<FrontMatterEdit.Outcome, Diagnostic>, to path: String, before: [UInt8], what: String) {
        guard case .success(let outcome) = note(result) else { return }
        if outcome.bytes == before {
            actions.append("unchanged     \(path)")
        } else {
            save(outcome.bytes, to: path, action: "edit", detail: what)
        }
    }

    /// A failed edit becomes a warning: that file is left as it is, the others go on.
    private mutating func note(_ result: Result<FrontMatterEdit.Outcome, Diagnostic>) -> Result<FrontMatterEdit.Outcome, Diagnostic> {
        if case .failure(var problem) = result {
            problem.severity = .warning
            problems.append(problem)
        }
        return result
    }

    private mutating func save(_ bytes: [UInt8], to path: String, action: String, detail: String? = nil) {
        let line = (write ? (action == "edit" ? "edited" : action + "d") : "would " + action).padding(toLength: 14, withPad: " ", startingAt: 0)
            + path + (detail.map { " (\($0))" } ?? "")
        changed += 1
        guard write else { return actions.append(line) }
        let full = PathText.join(root, path)
        do {
            try FileManager.default.createDirectory(atPath: PathText.parent(full), withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: full), options: .atomic)
            actions.append(line)
        } catch {
            problems.append(.error("migrate/write", at: SourceLocation(file: path), "cannot write this file: \(error.localizedDescription)"))
        }
    }

    private func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: PathText.join(root, path)).map { Array($0) }
    }

    /// The section page of a folder: `_index`, `index` or `README`, `.md` or `.markdown`, any case.
    static func indexPage(in folder: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().first { NavPlanner.isIndex($0) }
    }
}

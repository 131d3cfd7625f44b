internal import Foundation
internal import PlaybookDiagnostics
internal import PlaybookModel

/// One page of a Hugo or Jekyll project as a migration reads it: its front matter as
/// positioned YAML, and the template tags in its body that Playbook would show as text.
struct PageScan {
    /// The page, relative to the content folder.
    let file: String
    /// The path positions name, relative to the project folder.
    let display: String
    /// The front matter's keys and values (empty without front matter).
    var pairs: [(key: YAMLNode, value: YAMLNode)] = []

    /// Reads the page at `display`; problems and TOML front matter become notes.
    init?(file: String, display: String, files: ProjectFiles, migration: inout Migration) {
        self.file = file
        self.display = display
        guard let text = files.text(display) else {
            migration.note("migrate/unreadable", display, "this file cannot be read as UTF-8 text; it is left out")
            return nil
        }
        if text.hasPrefix("+++") {
            migration.note("migrate/toml-front-matter", display, line: 1, column: 1,
                "this page's front matter is TOML (+++); Playbook reads YAML (---), so it is not carried",
                hint: "convert it to YAML between --- lines (hugo convert toYAML does it for a whole site)")
            return nil
        }
        switch FrontMatter.split(text, file: display) {
        case .failure(let problem):
            migration.notes.append(problem)
            return nil
        case .success(let split):
            if let yaml = split.yaml {
                switch YAMLParser.parse(yaml, file: display, lineOffset: 1) {
                case .success(let node): pairs = node?.mapping ?? []
                case .failure(let problem): migration.notes.append(problem)
                }
            }
            body = split.body
            bodyLineOffset = split.bodyLineOffset
        }
    }

    private var body: Substring = ""
    private var bodyLineOffset = 0

    /// The value of a front-matter key.
    subscript(key: String) -> YAMLNode? { pairs.first { $0.key.scalarText == key }?.value }

    /// The key node of a front-matter key.
    func keyNode(_ key: String) -> YAMLNode? { pairs.first { $0.key.scalarText == key }?.key }

    /// Notes for every `open`…`close` tag in the body (Hugo shortcodes, Liquid tags), at their
    /// line and column; fenced code is skipped, as the tags there are shown as written.
    func tags(opening: [String], what: String, hint: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var inFence = false
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.drop(while: { $0 == " " }).hasPrefix("```") { inFence.toggle() }
            if inFence { continue }
            var rest = line[...]
            while let range = opening.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                let tail = line[range.lowerBound...]
                let close = tail.range(of: "}}") ?? tail.range(of: "%}")
                let tag = String((close.map { tail[..<$0.upperBound] } ?? tail).prefix(80))
                found.append(Diagnostic(.note, code: "migrate/template-tag",
                    at: SourceLocation(file: display, line: bodyLineOffset + index + 1, column: column),
                    "the \(what) '\(tag)' is not carried; Playbook shows it as text", hint: hint))
                rest = line[range.upperBound...]
            }
        }
        return found
    }
}

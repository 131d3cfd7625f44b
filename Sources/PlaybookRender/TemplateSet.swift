public import PlaybookDiagnostics
internal import Foundation
internal import Mustache
internal import PlaybookModel

/// The site's Mustache templates, loaded and checked once per build.
///
/// swift-mustache renders a missing template as `nil` and a missing variable or partial as
/// empty text; this wrapper turns each of those into a positioned diagnostic instead.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// Names of the loaded templates (`page`, `partials/nav`…).
    public let names: Set<String>
    /// Each template's text, by name, for `specialized(constants:)`.
    private var sources: [String: String] = [:]

    /// Templates every site must have.
    public static let required = ["page", "section", "home", "404"]

    /// Loads every `*.mustache` file under `directory`, named by its path without extension;
    /// hidden files and folders are left out.
    ///
    /// - Parameters:
    ///   - directory: the templates folder.
    ///   - displayPrefix: how diagnostics name that folder (`templates/`).
    ///   - knownVariables: every key the view models provide; a tag naming anything else is
    ///     reported as a likely typo.
    /// - Returns: the templates, or every problem found (syntax errors with line and column,
    ///   missing required templates, unknown partials, unknown variables).
    public static func load(
        from directory: String, displayPrefix: String = "templates/",
        knownVariables: Set<String> = ViewModel.knownKeys
    ) -> (TemplateSet?, [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            return (
                nil,
                [
                    .error(
                        "template/missing-folder", at: SourceLocation(file: displayPrefix),
                        "there is no templates folder",
                        hint: "copy the templates/ folder of the shipped playbook next to content/")
                ]
            )
        }
        HTMLContentType.registered
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        // Parsed on all cores: the templates are parsed before any page renders.
        let files = templateFiles(in: directory)
        let parsed = files.parallelMap { file in parse(file, in: directory, display: displayPrefix + file) }
        for (file, result) in zip(files, parsed) {
            let name = String(file.dropLast(".mustache".count))
            switch result {
            case .success(let (text, template)):
                library.register(template, named: name)
                sources[name] = text
            case .failure(let problem): diagnostics.append(problem.diagnostic)
            }
        }
        let names = Set(sources.keys)
        for name in required where !names.contains(name) && !diagnostics.contains(where: { $0.location.file == displayPrefix + name + ".mustache" }) {
            diagnostics.append(
                .error(
                    "template/missing", at: SourceLocation(file: displayPrefix + name + ".mustache"),
                    "the template '\(name)' is missing",
                    hint: "every site needs \(required.map { "\($0).mustache" }.joined(separator: ", "))"))
        }
        diagnostics += sources.sorted(by: { $0.key < $1.key }).parallelMap { name, text in
            TemplateScanner(text: text, file: displayPrefix + name + ".mustache").check(templates: names, variables: knownVariables)
        }.joined()
        if diagnostics.hasErrors { return (nil, diagnostics) }
        var set = TemplateSet(library: library, names: names)
        set.sources = sources
        return (set, diagnostics)
    }

    /// The paths under `directory` that end in `.mustache`, sorted, walked by `FolderWalker`'s
    /// rule (hidden entries skipped, symbolic links to folders not followed). Anything so named
    /// but a pipe or a device is listed, so a link that points nowhere is reported as unreadable.
    private static func templateFiles(in directory: String) -> [String] {
        var files: [String] = []
        FolderWalker(root: directory).walk { entry in
            guard entry.path.hasSuffix(".mustache"), entry.kind != .other, entry.kind != .unreadableFolder else { return }
            files.append(entry.path)
        }
        return files.sorted()
    }

    /// A template that could not be read or parsed.
    private struct Problem: Error, Sendable {
        var diagnostic: Diagnostic
    }

    /// Reads and parses one template: its text and the template, or the problem positioned in
    /// the template file.
    private static func parse(_ file: String, in directory: String, display: String)
        -> Result<(String, MustacheTemplate), Problem>
    {
        guard let data = FileManager.default.contents(atPath: PathText.join(directory, file)),
            let text = String(data: data, encoding: .utf8)
        else {
            return .failure(Problem(diagnostic: .error(
                "template/unreadable", at: SourceLocation(file: display), "this template cannot be read as UTF-8 text")))
        }
        do {
            return .success((text, try MustacheTemplate(string: HTMLContentType.pragma + text)))
        } catch let error as MustacheTemplate.ParserError {
            return .failure(Problem(diagnostic: .error(
                "template/syntax",
                at: SourceLocation(
                    file: display, line: error.context.lineNumber,
                    column: error.context.columnNumber
                        - (error.context.lineNumber == 1 ? HTMLContentType.pragma.count : 0)),
                "Mustache syntax error: \(describe(error.error))",
                hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed")))
        } catch {
            return .failure(Problem(diagnostic: .error(
                "template/syntax", at: SourceLocation(file: display), "Mustache syntax error: \(error)")))
        }
    }

    /// Renders the template `name` with `context` (a `[String: Any]` dictionary, or a value
    /// swift-mustache reads through `MustacheParent`); `nil` when there is no such template.
    public func render(_ name: String, context: Any) -> String? {
        library.render(context, withTemplate: name)
    }

    /// The same templates with the tags of values that are the same on every page of a build
    /// (`{{site.title}}`, `{{assets}}`…) replaced by the values, escaped as the tag would
    /// escape them: each page then looks up a third fewer names. The output is unchanged
    /// (no view model has these keys below the top level). A template that changes the tag
    /// delimiters is left as it is, and so is every template when a value holds a brace
    /// (written into the text, it could make a tag of its own).
    public func specialized(constants: [String: String]) -> TemplateSet {
        guard !sources.isEmpty, !constants.isEmpty,
            !constants.values.contains(where: { $0.utf8.contains(UInt8(ascii: "{")) || $0.utf8.contains(UInt8(ascii: "}")) })
        else {
            return self
        }
        let escaper = HTMLContentType()
        let spellings: [(tag: [UInt8], value: [UInt8])] = constants.flatMap { key, value in
            ["{{{\(key)}}}", "{{&\(key)}}", "{{{ \(key) }}}", "{{& \(key) }}"].map { (Array($0.utf8), Array(value.utf8)) }
                + ["{{\(key)}}", "{{ \(key) }}"].map { (Array($0.utf8), Array(escaper.escapeText(value).utf8)) }
        }
        // A template the substitution leaves as it was keeps its parsed tokens; the others are
        // parsed again, on all cores.
        let current = library
        let remade = sources.sorted(by: { $0.key < $1.key }).parallelMap { name, text -> (String, MustacheTemplate?) in
            let substituted = text.contains("{{=") ? text : Self.substitute(spellings, in: text)
            if substituted == text, let kept = current.getTemplate(named: name) { return (name, kept) }
            return (name, try? MustacheTemplate(string: HTMLContentType.pragma + substituted))
        }
        var library = MustacheLibrary()
        for (name, template) in remade {
            guard let template else { return self }  // keep the lookups
            library.register(template, named: name)
        }
        var set = TemplateSet(library: library, names: names)
        set.sources = sources
        return set
    }

    /// `text` with every tag in `spellings` replaced by its value, in one pass over the bytes
    /// (Foundation's `replacingOccurrences`, six spellings of seven values over every template,
    /// cost as much as rendering 150 pages). A tag next to a non-ASCII character is left to the
    /// look-up, in case a combining mark makes one character of it and its brace.
    private static func substitute(_ spellings: [(tag: [UInt8], value: [UInt8])], in text: String) -> String {
        let bytes = Array(text.utf8)
        let brace = UInt8(ascii: "{")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        scan: while index < bytes.count {
            if bytes[index] == brace, index + 1 < bytes.count, bytes[index + 1] == brace, index == 0 || bytes[index - 1] < 0x80 {
                for (tag, value) in spellings where bytes[index...].starts(with: tag) {
                    let end = index + tag.count
                    guard end == bytes.count || bytes[end] < 0x80 else { break }
                    out += value
                    index = end
                    continue scan
                }
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `template` and the partials it includes (at any depth) name the value `name`
    /// in one tag only, a `{{#name}}` section of `template` itself, with no delimiter change.
    /// Each element of a list given as `name` then renders on its own: its text depends on the
    /// element and on the other values, never on the other elements.
    func readsOnlyAsOneSection(_ name: String, in template: String) -> Bool {
        var pending = [template]
        var seen: Set<String> = [template]
        var sections = 0
        while let current = pending.popLast() {
            guard let text = sources[current], !text.contains("{{=") else { return false }
            for tag in TemplateScanner(text: text, file: current).tags() {
                switch tag.sigil {
                case ">", "<":
                    if seen.insert(tag.name).inserted { pending.append(tag.name) }
                case "!", "=", "%", "$":
                    break
                default:
                    guard tag.name.split(separator: ".").first.map(String.init) == name else { continue }
                    guard tag.sigil == "#", current == template else { return false }
                    sections += 1
                }
            }
        }
        return sections == 1
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "a section is closed with a different name than it was opened with"
        case .unfinishedName?: "a tag is not closed"
        case .expectedSectionEnd?: "a section is opened but never closed"
        case .invalidSetDelimiter?: "the set-delimiter tag is malformed"
        default: "\(error)"
        }
    }
}

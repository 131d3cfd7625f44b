import ArgumentParser
import Foundation
import PlaybookDiagnostics
import PlaybookModel

/// `playbook new`: a new page, checklist or engagement plan from the archetypes in
/// `templates/archetypes/`, with its front matter filled in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a page, checklist or engagement plan from an archetype.",
        discussion: """
            PATH is relative to content/ (as with hugo new): `playbook new checklist checklists/escalation.md`. \
            An existing file is never overwritten.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case page, checklist, plan

        /// The page of the site's writers' guide (`content/guide/`) on writing this kind of file,
        /// from the site root.
        var guidePage: String {
            switch self {
            case .page: "/guide/writing-a-page/"
            case .checklist: "/guide/checklists/"
            case .plan: "/guide/plans/"
            }
        }

        /// The front-matter comment that points a writer at the guide's page for this kind.
        var guideComment: String {
            let what = self == .page ? "page" : self == .checklist ? "checklist" : "engagement plan"
            return "# How to write \(self == .plan ? "an" : "a") \(what): \(guidePage) in the published site"
        }
    }

    @Argument(help: "What to create: page, checklist or plan.")
    var kind: Kind

    @Argument(help: "Where, relative to content/ (.md is added when missing).")
    var path: String

    @Option(name: .long, help: "The title (default: made from the file name).")
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var source: String = "."

    func run() throws {
        let folder = SiteConfig.contentFolder(ofSite: source)
        let relative = try Self.contentPath(path, folder: folder)
        let target = PathText.join(PathText.join(source, folder), relative)
        let display = folder + "/" + relative
        guard !FileManager.default.fileExists(atPath: target) else {
            throw DiagnosticError.usage("\(display) already exists; it was left as it is", file: display,
                                        hint: "choose another path, or edit the file")
        }
        let archetype = try archetypeText()
        let pageTitle = title ?? PageLocation.readableName(PathText.removingExtension(relative))
        let text = Self.addingGuideComment(kind.guideComment, to: Self.fill(archetype, title: pageTitle, today: Date()))
        do {
            try FileManager.default.createDirectory(atPath: PathText.parent(target), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
        } catch {
            throw DiagnosticError.usage("cannot write \(display): \(error.localizedDescription)", file: display)
        }
        print("created \(display) from the \(kind.rawValue) archetype")
    }

    /// The path under the content folder, checked: relative, no `..`, ending in `.md`.
    static func contentPath(_ path: String, folder: String = SiteConfig.defaultContentFolder) throws -> String {
        var relative = path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
        if relative.hasPrefix("/") || relative.split(separator: "/").contains("..") || relative.isEmpty {
            throw DiagnosticError.usage("'\(path)' must be a path inside \(folder)/, such as checklists/escalation.md", file: path)
        }
        if !relative.lowercased().hasSuffix(".md") { relative += ".md" }
        return relative
    }

    private func archetypeText() throws -> String {
        let file = PathText.join(source, "templates/archetypes/\(kind.rawValue).md")
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError.usage("there is no archetype at \(file)", file: file,
                                        hint: "copy templates/archetypes/ from the shipped playbook")
        }
        return text
    }

    /// The text with `comment` as the first line of its front matter (after the opening `---`),
    /// or unchanged when the archetype has no front matter or already links the guide.
    static func addingGuideComment(_ comment: String, to text: String) -> String {
        guard text.hasPrefix("---\n"), !text.contains("/guide/") else { return text }
        return "---\n" + comment + "\n" + text.dropFirst(4)
    }

    /// Fills `{{title}}` (as a quoted YAML string) and the dates of a plan archetype.
    static func fill(_ archetype: String, title: String, today: Date) -> String {
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let day: TimeInterval = 86_400
        return archetype
            .replacingOccurrences(of: "{{title}}", with: quoted)
            .replacingOccurrences(of: "{{today}}", with: formatter.string(from: today))
            .replacingOccurrences(of: "{{firstDue}}", with: formatter.string(from: today.addingTimeInterval(14 * day)))
            .replacingOccurrences(of: "{{end}}", with: formatter.string(from: today.addingTimeInterval(56 * day)))
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel
internal import Foundation

/// A file to lint: where to read it and how findings name it.
public struct LintTarget: Sendable, Hashable {
    /// The path to read.
    public var path: String
    /// The path findings print.
    public var display: String
    /// True when the user named the file itself: a file that is not a plan then gets a note,
    /// where a file found in a folder is skipped quietly.
    public var explicit: Bool

    /// Creates a target.
    public init(path: String, display: String? = nil, explicit: Bool) {
        self.path = path
        self.display = display ?? path
        self.explicit = explicit
    }
}

extension Linter {
    /// The files to lint for paths given on the command line: files as they are, folders
    /// searched for Markdown files (hidden entries and symbolic links to folders skipped).
    ///
    /// - Returns: the targets in a stable order, and the paths that do not exist.
    public static func targets(for paths: [String]) -> (targets: [LintTarget], missing: [String]) {
        var targets: [LintTarget] = []
        var missing: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            if isDirectory.boolValue {
                targets += markdownFiles(in: path).map {
                    LintTarget(path: PathText.join(path, $0), explicit: false)
                }
            } else {
                targets.append(LintTarget(path: path, explicit: true))
            }
        }
        return (targets, missing)
    }

    /// Markdown files under `folder`, relative to it, sorted, walked by `FolderWalker`'s rule:
    /// hidden entries are skipped and symbolic links to folders are not followed, so a link loop
    /// cannot hang the run. A link named `*.md` that cannot be followed is listed, so that it is
    /// reported as unreadable rather than skipped.
    public static func markdownFiles(in folder: String) -> [String] {
        var found: [String] = []
        FolderWalker(root: folder).walk { entry in
            switch entry.kind {
            case .file, .linkedFile, .linkedFolder, .brokenLink:
                if ["md", "markdown"].contains(PathText.fileExtension(entry.path).lowercased()) {
                    found.append(entry.path)
                }
            case .folder, .tooDeep, .unreadableFolder, .other:
                break
            }
        }
        return found.sorted()
    }

    /// Lints files, on all cores; a file that cannot be read gives a finding, never a stop.
    public func lint(targets: [LintTarget]) -> LintReport {
        var report = LintReport(files: targets.parallelMap { lint(target: $0) }.compactMap { $0 })
        report.today = pages.today
        return report
    }

    /// Lints one file; `nil` for a file found in a folder that is not a plan.
    public func lint(target: LintTarget) -> PlanReport? {
        let file = target.display
        guard let data = FileManager.default.contents(atPath: target.path) else {
            return invalidFile(file, SourceLocation(file: file), "this file cannot be read", hint: "check that it exists and that you may read it")
        }
        switch SourceText.decode(Array(data), file: file) {
        case .success(let text):
            return lint(text: text, file: file, explicit: target.explicit)
        case .failure(let problem):
            return invalidFile(file, problem.location, problem.message, hint: problem.hint)
        }
    }

    /// Lints the text of a Markdown file: as a plan when it declares `type: plan` and plans are
    /// in scope, and as a page (owner and review) when pages are.
    ///
    /// - Parameter explicit: true when the user named this file; with plans alone in scope a file
    ///   that is not a plan then gets a note, and any named file that cannot be read as front
    ///   matter a `schema/invalid` finding. Otherwise such files are skipped unless their text
    ///   declares `type: plan` (the build reports them).
    /// - Returns: the report, or `nil` for a skipped file.
    public func lint(text: String, file: String, explicit: Bool) -> PlanReport? {
        if text.allSatisfy(\.isWhitespace) {
            if explicit { return invalidFile(file, SourceLocation(file: file), "this file is empty", hint: "a plan starts with front matter holding 'type: plan'") }
            return scope.includesPages ? pageReport(root: nil, file: file) : nil
        }
        let split: FrontMatter
        switch FrontMatter.split(text, file: file) {
        case .success(let value): split = value
        case .failure(let problem):
            return explicit || Self.declaresPlan(text) ? invalidFile(file, problem.location, problem.message, hint: problem.hint) : nil
        }
        guard let yaml = split.yaml else { return notAPlan(root: nil, file: file, explicit: explicit) }
        let root: YAMLNode?
        switch YAMLParser.parse(yaml, file: file, lineOffset: 1) {
        case .success(let node): root = node
        case .failure(let problem):
            return explicit || Self.declaresPlan(text) ? invalidFile(file, problem.location, problem.message, hint: problem.hint) : nil
        }
        guard let root else {
            return explicit
                ? invalidFile(file, SourceLocation(file: file, line: 1, column: 1), "the front matter is empty", hint: "a plan's front matter starts with 'type: plan'")
                : notAPlan(root: nil, file: file, explicit: false)
        }
        guard root.mapping != nil else {
            return explicit || Self.declaresPlan(text)
                ? invalidFile(file, root.location, "the front matter must be a mapping of keys to values, not \(root.kindDescription)", hint: "write it as 'key: value' lines, starting with 'type: plan'")
                : nil
        }
        guard root["type"]?.scalarText == "plan" else { return notAPlan(root: root, file: file, explicit: explicit) }
        let planReport = scope.includesPlans ? lint(root: root, file: file) : nil
        return scope.includesPages ? pageReport(root: root, file: file, adding: planReport) : planReport
    }

    /// A file that is not a plan: checked as a page with pages in scope; else a note when the
    /// user named it, or skipped.
    private func notAPlan(root: YAMLNode?, file: String, explicit: Bool) -> PlanReport? {
        if scope.includesPages { return pageReport(root: root, file: file) }
        return explicit ? PlanReport(file: file, findings: [notAPlan(file)], isPlan: false) : nil
    }

    private func invalidFile(_ file: String, _ location: SourceLocation, _ message: String, hint: String?) -> PlanReport {
        PlanReport(file: file, findings: fileProblem(location, message, hint: hint).map { [$0] } ?? [], isPlan: true)
    }

    /// True when a line of the text (unindented) reads `type: plan`: how a file whose front
    /// matter cannot be parsed is still recognised as a plan.
    static func declaresPlan(_ text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: true).contains { line in
            guard line.hasPrefix("type:") else { return false }
            var value = line.dropFirst("type:".count).drop { $0 == " " || $0 == "\t" }
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\"'"))
            return trimmed == "plan"
        }
    }
}

internal import PlaybookDiagnostics
public import PlaybookModel

/// Where the site's sources stand in git, from one `git rev-parse`: the commit `HEAD` names and
/// whether the clone is shallow. The history's facts are a function of these alone, so they are
/// its key: a build whose probe equals the last one's keeps that build's facts.
struct GitProbe: Sendable, Equatable {
    /// `HEAD`'s commit; `nil` when there is no history to read (see `note`).
    var head: String?
    /// True in a shallow clone, whose dates would be wrong.
    var shallow = false
    /// Why there are no facts (no git, not a repository, git off), for `-v`.
    var note: String?

    /// What decides the facts: `HEAD`, shallowness, or why there is no history.
    var key: String {
        if let head { return head + (shallow ? " shallow" : "") }
        return "none"  // no facts, whatever the reason: the same output
    }

    /// The probe for the site folder `source`; `enabled` false (`--no-git`, `git: false`) asks nothing.
    static func run(source: String, enabled: Bool) -> GitProbe {
        guard enabled else { return GitProbe(note: "git history is turned off") }
        let git = ProcessRunner(program: "git", environment: GitHistory.environment)
        switch git.run(["-C", source, "rev-parse", "--is-shallow-repository", "HEAD"]) {
        case .failure(let failure):
            return GitProbe(note: "no git history for '\(source)': \(failure.reason)")
        case .success(let output):
            let lines = output.text.split(separator: "\n").map(String.init)
            guard lines.count == 2, lines[0] == "true" || lines[0] == "false" else {
                return GitProbe(note: "no git history: git rev-parse answered '\(output.text)' (git 2.15 or later is needed)")
            }
            return GitProbe(head: lines[1], shallow: lines[0] == "true")
        }
    }
}

/// Each page's last-updated date and author from git: ONE `git log` over `content/` for the whole
/// site, renames followed. Without git, outside a repository or when git fails there are no
/// facts and `note` says why; in a shallow clone there are none either, and a warning.
public struct GitHistory: Sendable {
    /// The probe the facts were read for (`GitProbe.key`).
    var key: String
    /// The newest commit that changed each file, by path relative to `content/`.
    public var facts: [String: GitFact]
    /// Why there are no facts, when there are none for a reason the writer may want to know.
    public var note: String?
    /// The shallow-clone warning, when there is one.
    var diagnostics: [Diagnostic] = []

    /// Git's output does not depend on the user's locale, pager or prompts.
    static let environment = ["LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"]

    /// The facts for `probe`: `previous`'s when it was read for the same probe; when `previous`
    /// was read at a commit that `HEAD` descends from, those facts brought up to date with the
    /// commits since (`git log <then>..<HEAD>`, usually a handful); else read from the whole
    /// history.
    static func read(source: String, probe: GitProbe, previous: GitHistory?) -> GitHistory {
        if let previous, previous.key == probe.key { return previous }
        guard let head = probe.head else { return GitHistory(key: probe.key, facts: [:], note: probe.note) }
        let prefix = SiteConfig.contentFolder(ofSite: source) + "/"
        guard !probe.shallow else {
            let warning = Diagnostic.warning(
                "git/shallow", at: SourceLocation(file: prefix),
                "the repository is a shallow clone, so pages' last-updated dates from git would be wrong; they are left out",
                hint: "fetch the full history: 'fetch-depth: 0' in the actions/checkout step (or 'git fetch --unshallow')")
            return GitHistory(
                key: probe.key, facts: [:], note: "no git dates: the repository is a shallow clone", diagnostics: [warning])
        }
        let git = ProcessRunner(program: "git", environment: environment)
        if let previous, let since = previous.commit,
            case .success = git.run(["-C", source, "merge-base", "--is-ancestor", since, head]),
            case .success(let output) = git.run(logArguments(source: source, range: since + ".." + head, prefix: prefix))
        {
            return GitHistory(key: probe.key, facts: LogSummary(log: output.bytes).applied(to: previous.facts, prefix: prefix), note: nil)
        }
        switch git.run(logArguments(source: source, range: head, prefix: prefix)) {
        case .failure(let failure):
            // Keyed so that the next build asks again rather than keeping the failure.
            return GitHistory(key: "failed", facts: [:], note: "no git history: git log failed: \(failure.reason)")
        case .success(let output):
            return GitHistory(key: probe.key, facts: parse(log: output.bytes, prefix: prefix), note: nil)
        }
    }

    /// The facts for `probe` read from the whole history, on another thread from now on.
    static func start(source: String, probe: GitProbe) -> Background<GitHistory> {
        Background { read(source: source, probe: probe, previous: nil) }
    }

    /// The commit these facts were read at; `nil` when they were not read from a whole history
    /// (no repository, a shallow clone, a failed pass).
    var commit: String? {
        let isHash = (key.utf8.count == 40 || key.utf8.count == 64)
            && key.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
        return isHash ? key : nil
    }

    /// `git log` over `content/` for `range`, renames followed, in the form `LogSummary` reads.
    private static func logArguments(source: String, range: String, prefix: String) -> [String] {
        [
            "-C", source, "-c", "log.showSignature=false", "log", "-z", "--format=%x01%H %ct %an", "--name-status",
            "-M", "--relative", "--no-color", range, "--", prefix,
        ]
    }

    /// The facts in the output of `git log -z --format=%x01%H %ct %an --name-status -M`, newest
    /// commit first: for each file now under `content/`, the newest commit that changed it (see
    /// `LogSummary`), by path relative to `content/`.
    static func parse(log bytes: [UInt8], prefix: String = "content/") -> [String: GitFact] {
        LogSummary(log: bytes).applied(to: [:], prefix: prefix)
    }

    /// `<hash> <commit time> <author>` → the fact, its day in UTC.
    fileprivate static func header(_ bytes: ArraySlice<UInt8>) -> GitFact? {
        let parts = bytes.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, let seconds = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return GitFact(
            date: PlanDate(dayNumber: day), author: parts.count > 2 ? String(decoding: parts[2], as: UTF8.self) : "",
            commit: String(decoding: parts[0], as: UTF8.self))
    }
}

/// What a stretch of `git log -z --format=%x01%H %ct %an --name-status -M`, newest commit
/// first, says of the files it names: for each, the newest commit that changed it, and what
/// each name in older commits is called now. A rename carries the file's older commits over to
/// its new name; a pure one (similarity 100%) changes nothing in the page, so it is not its
/// last update.
struct LogSummary {
    /// The newest commit that changed each file, by its name at the newest commit.
    private(set) var facts: [String: GitFact] = [:]
    /// A name in older commits → the file it is now (`nil`: no file, it was renamed away).
    private var renamed: [String: String?] = [:]

    init(log bytes: [UInt8]) {
        var reader = LogReader(bytes: bytes)
        var commit: GitFact?
        while let token = reader.next() {
            if token.first == 1 {
                commit = GitHistory.header(token.dropFirst())
                continue
            }
            guard let status = token.first, let path = reader.next() else { break }
            var touched = String(decoding: path, as: UTF8.self)
            var changed = true
            if status == UInt8(ascii: "R") || status == UInt8(ascii: "C") {
                guard let newPath = reader.next() else { break }
                let old = touched
                touched = String(decoding: newPath, as: UTF8.self)
                if status == UInt8(ascii: "R") {
                    changed = String(decoding: token.dropFirst(), as: UTF8.self) != "100"
                    let now = current(touched)
                    renamed[touched] = .some(nil)
                    renamed[old] = .some(now)
                    if let now, changed, facts[now] == nil, let commit { facts[now] = commit }
                    continue
                }
            }
            if changed, let now = current(touched), facts[now] == nil, let commit { facts[now] = commit }
        }
    }

    /// What the file named `name` before this stretch is called after it.
    func current(_ name: String) -> String? {
        if let mapped = renamed[name] { return mapped }
        return name
    }

    /// The facts of the files under `content/` (by path relative to it) after this stretch,
    /// given `older`, those before it: a file this stretch changed has its newest commit here;
    /// any other keeps its older fact, under the name it has now.
    func applied(to older: [String: GitFact], prefix: String = "content/") -> [String: GitFact] {
        var result: [String: GitFact] = [:]
        for (path, fact) in facts where path.hasPrefix(prefix) {
            result[String(path.dropFirst(prefix.count))] = fact
        }
        for (path, fact) in older {
            guard let now = current(prefix + path), now.hasPrefix(prefix) else { continue }
            let name = String(now.dropFirst(prefix.count))
            if result[name] == nil { result[name] = fact }
        }
        return result
    }
}

/// The NUL-separated fields of `git log -z`, each without the line break git puts before a status.
private struct LogReader {
    let bytes: [UInt8]
    var position = 0

    mutating func next() -> ArraySlice<UInt8>? {
        while position < bytes.count, bytes[position] == UInt8(ascii: "\n") { position += 1 }
        guard position < bytes.count else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != 0 { position += 1 }
        let field = bytes[start..<position]
        position += 1
        return field
    }
}

internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// `playbook build` with the build cache: the `BuildState` of the last build read back from
/// disk, the build run from it, and the new state written back (`BuildCache` holds the format).
///
/// - Nothing changed (every source's digest, the options, the program and the output folder are
///   as the last build left them): nothing is rendered or written.
/// - Otherwise files whose bytes did not change are not parsed again, and pages that need no new
///   rendering are hard-linked from the previous output folder into the new one.
/// A source whose `stat` changed but whose bytes did not counts as unchanged, so a fresh clone
/// with the cache restored (CI) starts where the last build left off.
struct DiskCache {
    let options: BuildOptions
    let cache: BuildCache
    let output: String

    /// What the cache holds for a build of the sources as they are now.
    struct Restored {
        /// The head read, when it was written with these options by this program.
        var head: BuildCache.Head?
        /// The sources now, with their digests.
        var manifest: SourceManifest
        var program: SourceEntry
        /// Nothing changed and the output folder is as that build left it.
        var upToDate: Bool
        /// The output folder is as the head's build left it.
        var outputIntact = false
        /// The state to build from, and what changed since it (`nil`: build from nothing).
        var state: BuildState?
        var changes = ChangeSet.everything
        /// The pages file as read, for writing back what did not change as it was.
        var pages: BuildCache.Pages?
        /// Why a cache that was there is not used, for the person running the build.
        var note: String?
        /// Where the sources stand in git: another commit makes the build run, for the dates.
        var git = GitProbe()
        /// The git pass, started when there is no cache to bring its facts up to date from.
        var gitPass: Background<GitHistory>?
    }

    /// Reads the cache (nothing with `--clean`) and the sources' digests. When nothing changed,
    /// the pages file is read only for a caller that asks for the state anyway (the preview).
    /// `startGitPass`: when there is no usable cache, start reading the whole history at once.
    /// `knownProgram`: the program's digest as a cache removed by `--clean` held it.
    /// `readingPages`: false leaves the state for `readState` to read.
    func restore(
        stateEvenIfUpToDate: Bool = false, startGitPass: Bool = false, knownProgram: SourceEntry? = nil,
        readingPages: Bool = true
    ) -> Restored {
        let outputPath = URL(fileURLWithPath: output).standardizedFileURL.path
        let stored = options.clean ? nil : cache.readHead()
        // `git rev-parse` and the program's digest run beside the sources' scan (a tenth of a
        // 1,000-page build's wall time when one waited for the other).
        let probing = Background { [options] in GitProbe.run(source: options.source, enabled: options.git) }
        let programDigest = Background { Self.program(previous: stored?.program ?? knownProgram) }
        // Read before the build reads the sources, so a file saved during the build counts as
        // changed next time. The previous digests are offered only from a head written with these
        // options by this very file (the same stamp), which the head check below then accepts.
        let sameProgram = stored.map { $0.program.path == Self.programPath && Self.programStamp() == $0.program.stamp } ?? false
        let manifest = SourceManifest.scan(
            site: options.source, previous: sameProgram && stored?.key == Self.key(for: options) ? stored?.manifest : nil)
        let program = programDigest.value() ?? Self.program(previous: nil)
        let head = stored.flatMap { $0.key == Self.key(for: options) && $0.program.digest == program.digest ? $0 : nil }
        let note = options.clean ? nil : Self.note(stored: stored, head: head, program: program, cache: cache)
        let git = probing.value() ?? GitProbe.run(source: options.source, enabled: options.git)
        // Without a usable cache the whole history is read: from now on, beside the rest.
        let gitPass = head == nil && startGitPass ? GitHistory.start(source: options.source, probe: git) : nil
        var restored = Restored(head: head, manifest: manifest, program: program, upToDate: false, note: note)
        restored.git = git
        restored.gitPass = gitPass
        guard let head else { return restored }
        let outputIntact = !head.outputStamp.isEmpty && OutputFolder.stamp(at: outputPath) == head.outputStamp
        restored.upToDate = outputIntact && head.manifest == manifest && head.gitKey == restored.git.key
        restored.outputIntact = outputIntact
        if restored.upToDate && !stateEvenIfUpToDate || !readingPages { return restored }
        return readState(restored)
    }

    /// `restored` with the state its head's pages files hold, or with a note that they are damaged.
    func readState(_ restored: Restored) -> Restored {
        guard let head = restored.head else { return restored }
        var restored = restored
        if let pages = cache.readPages(for: head) {
            let outputPath = URL(fileURLWithPath: output).standardizedFileURL.path
            restored.state = Self.state(head: head, pages: pages, output: restored.outputIntact ? outputPath : nil)
            restored.changes = .paths(restored.manifest.changedPaths(since: head.manifest))
            restored.pages = pages
        } else {
            restored.note = "the build cache in '\(cache.folder)' is damaged; it was ignored and is written anew"
        }
        return restored
    }

    /// Why the cache in `cache` is not used, or `nil` when it is (or there is none).
    private static func note(stored: BuildCache.Head?, head: BuildCache.Head?, program: SourceEntry, cache: BuildCache)
        -> String?
    {
        let ignored = "the build cache in '\(cache.folder)'"
        guard let stored else {
            let present = FileManager.default.fileExists(atPath: cache.headPath)
            return present ? "\(ignored) is damaged or from another version; it was ignored and is written anew" : nil
        }
        guard head == nil else { return nil }
        if stored.program.digest != program.digest {
            return "\(ignored) was written by another build of playbook; pages are rendered afresh"
        }
        return "\(ignored) was written with other options (output folder, base URL, drafts); it was ignored"
    }

    func run() throws -> BuildResult {
        try checkCacheFolder()
        var clock = StageClock(report: options.progress)
        // The program's digest outlives --clean: it depends on the program's file alone.
        let knownProgram = options.clean ? cache.readProgram() : nil
        if options.clean { cache.remove() }
        var restored = restore(startGitPass: true, knownProgram: knownProgram, readingPages: false)
        if restored.upToDate, let head = restored.head {
            clock.lap("cache")
            var result = Self.upToDate(head, stages: clock.laps)
            result.gitNote = restored.git.note
            return result
        }
        var options = options
        options.outputMarker = Self.marker(
            options: options, program: restored.program, manifest: restored.manifest, gitKey: restored.git.key)
        if let edited = try CachedEdit(options: options, cache: cache, restored: restored, clock: clock).run() {
            return edited
        }
        restored = readState(restored)
        clock.lap("cache")
        options.gitProbe = restored.git
        options.gitPass = restored.gitPass
        var (state, result) = try Build.run(previous: restored.state, changes: restored.changes, options: options)
        result.stages = clock.laps + result.stages
        result.cacheNote = restored.note
        let outputPath = URL(fileURLWithPath: output).standardizedFileURL.path
        guard result.wrote, let stamp = OutputFolder.stamp(at: outputPath) else { return result }
        var saveClock = StageClock(report: options.progress)
        state = state.replacing(manifest: restored.manifest)
        let pages = Self.pages(of: state, result: result, carried: restored.pages, changes: restored.changes)
        var head = Self.head(key: Self.key(for: options), stamp: stamp, state: state, result: result)
        head.program = restored.program
        head.gitKey = restored.git.key
        let snapshot = SiteSnapshot(site: result.site, pages: result.pages, anchors: state.memory?.last?.anchors)
        cache.write(head: head, pages: pages, site: snapshot)
        saveClock.lap("cache")
        result.stages += saveClock.laps
        Self.releaseInBackground((consume restored, consume state, consume pages))
        return result
    }

    private static func upToDate(_ head: BuildCache.Head, stages: [(name: String, seconds: Double)]) -> BuildResult {
        var result = BuildResult(
            site: Site(config: SiteConfig(), pages: [], sections: [], staticFiles: []), pages: [], files: [],
            diagnostics: head.diagnostics, stages: stages, wrote: false)
        result.upToDate = (head.pageCount, head.fileCount)
        return result
    }

    /// The state the cache holds, for a build whose output folder is `output` (`nil`: it is not
    /// as that build left it, so no page's HTML can be reused).
    static func state(head: BuildCache.Head, pages: BuildCache.Pages, output: String?)
        -> BuildState
    {
        // The print page is read from no file: it is the same page in every build that has it.
        let navigation = head.pageOrder.compactMap {
            pages.entries.entries[$0]?.page ?? ($0 == PrintPage.page.sourcePath ? PrintPage.page : nil)
        }.map(NavigationEntry.init)
        // A page is reused with its search-index part, or not at all.
        let rendered = output == nil ? [:] : pages.rendered.filter { pages.searchParts[$0.key] != nil }
        return BuildState(
            manifest: head.manifest, pageCache: pages.entries, navigation: navigation, staticFiles: head.staticFiles,
            assetOutputs: head.assetOutputs, rendered: rendered, searchParts: pages.searchParts, htmlFolder: output,
            linked: Set(rendered.keys), memory: nil, searchFiles: output == nil ? [:] : head.searchFiles, git: pages.git,
            llmsCopies: output == nil ? nil : head.llmsCopies, searchMemo: pages.searchMemo)
    }

    private static func head(key: String, stamp: String, state: BuildState, result: BuildResult) -> BuildCache.Head {
        BuildCache.Head(
            key: key, outputStamp: stamp, manifest: state.manifest ?? SourceManifest(files: []),
            pageCount: result.pagesInNavigation.count, fileCount: result.files.count, diagnostics: result.diagnostics,
            style: result.site.config.urlStyle, pageOrder: result.site.pages.map(\.sourcePath),
            staticFiles: state.staticFiles, assetOutputs: state.assetOutputs, searchFiles: state.searchFiles,
            llmsCopies: state.llmsCopies)
    }

    /// Every page's facts without HTML (that is in the output folder), with its search part.
    /// What was neither read nor rendered again is written back as the bytes it was read from.
    private static func pages(of state: BuildState, result: BuildResult, carried: BuildCache.Pages?, changes: ChangeSet)
        -> BuildCache.Pages
    {
        var pages = BuildCache.Pages(entries: state.pageCache, rendered: state.rendered, searchParts: state.searchParts)
        pages.git = state.git?.commit == nil ? nil : state.git
        pages.searchMemo = state.searchMemo
        guard let carried, case .paths(let changed) = changes else { return pages }
        pages.entryBytes = carried.entryBytes
        pages.renderedBytes = carried.renderedBytes
        pages.shardIDs = carried.shardIDs
        pages.unchangedEntries = unchangedEntries(now: state.pageCache, carried: carried, changed: changed, site: result.site)
        // Reused pages are the ones linked from the previous output, not written anew.
        var reused: Set<String> = []
        for file in result.files { if case .link = file.contents { reused.insert(file.path) } }
        let site = result.site
        for page in result.pages where reused.contains(page.outputPath) {
            let source = site.pages[page.index].sourcePath
            if carried.rendered[source]?.index == page.index { pages.unchangedRendered.insert(source) }
        }
        pages.unchangedShards = BuildCache.unchangedShards(of: pages, carried: carried)
        return pages
    }

    /// The files read as they were: not changed, and equal to what was read from the cache.
    /// The comparisons are cheap for values that were not read again: their strings share
    /// storage. They also catch a file read again for another reason (a new URL style).
    private static func unchangedEntries(
        now: ContentLoader.PageCache, carried: BuildCache.Pages, changed: Set<String>, site: Site
    ) -> Set<String> {
        let changedContent = ChangeSet.contentPaths(changed, prefix: site.config.contentPrefix)
        var unchanged = Set<String>(minimumCapacity: carried.entries.entries.count)
        for (path, entry) in carried.entries.entries where !changedContent.contains(path) {
            guard let current = now.entries[path], current.page == entry.page, current.diagnostics == entry.diagnostics
            else { continue }
            unchanged.insert(path)
        }
        return unchanged
    }

    /// Freeing a large site's cached values (millions of small strings and arrays) costs a tenth
    /// of a one-page rebuild; another thread does it while the command prints and exits.
    private static func releaseInBackground(_ values: sending Any) {
        let box = UncheckedBox(values)
        Thread.detachNewThread { box.release() }
    }

    /// Refuses a cache folder among the sources (it would be read as content) or inside the
    /// output folder (every build replaces that).
    private func checkCacheFolder() throws {
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        let cachePath = absolute(cache.folder)
        var places: [(folder: String, name: String)] = [
            (absolute(PathText.join(options.source, SiteConfig.contentFolder(ofSite: options.source))), "the content folder"),
            (absolute(PathText.join(options.source, "templates")), "the templates folder"),
        ]
        // An output folder that holds the sources is refused by the output's own check.
        let outputPath = absolute(output)
        let sourcePath = absolute(options.source)
        if !PathText.isSameOrInside(sourcePath, outputPath) {
            places.append((outputPath, "the output folder"))
        }
        for (folder, name) in places where PathText.isSameOrInside(cachePath, folder) {
            throw DiagnosticError.usage(
                "the cache folder '\(cache.folder)' is inside \(name)", file: cache.folder,
                hint: "leave out --cache-dir (the default is .playbook-cache/ in the site folder) or choose a folder of its own")
        }
    }

    /// What, besides the sources, decides the output: the build options, where it is written,
    /// the cache format, and the program itself (a new build of the tool renders afresh).
    static func key(for options: BuildOptions) -> String {
        var hash = StableHash()
        hash.add(BuildCache.formatVersion)
        hash.add(options.output.map { Self.place(of: $0, in: options.source) } ?? "")
        hash.add(options.baseURL ?? "\u{0}")
        hash.add(options.includeDrafts ? 1 : 0)
        hash.add(options.searchIndex ? 1 : 0)
        hash.add(options.stemming == nil ? 0 : 1)
        // Findings of the page rules depend on the day (a review falls overdue).
        hash.add(options.today?.description ?? "\u{0}")
        hash.add(options.git ? 1 : 0)
        return String(hash.value, radix: 16)
    }

    /// Where the output folder is: relative to the site folder when inside it, so that a clone
    /// of the site in another place (a CI runner's) keeps its cache; absolute otherwise.
    private static func place(of output: String, in source: String) -> String {
        let output = URL(fileURLWithPath: output).standardizedFileURL.path
        let source = URL(fileURLWithPath: source).standardizedFileURL.path
        return PathText.isSameOrInside(output, source) ? "./" + output.dropFirst(source.count) : output
    }

    /// The digest of everything an output folder is made from: the options but the folder's
    /// place, the program, every source's bytes and the commit the git facts were read at.
    /// Written into the folder's marker; equal for the same inputs.
    static func marker(options: BuildOptions, program: SourceEntry, manifest: SourceManifest, gitKey: String) -> String {
        var hash = StableHash()
        var placeless = options
        placeless.output = nil  // where the folder is does not change what is in it
        hash.add(key(for: placeless))
        hash.add(String(program.digest, radix: 16))
        for entry in manifest.files {
            hash.add(entry.path)
            hash.add(String(entry.digest, radix: 16))
        }
        hash.add(gitKey)
        return "playbook-output " + String(hash.value, radix: 16)
    }

    /// The running program's file with its digest (`ProgramDigest`: a new build of the tool
    /// renders afresh unless it is the same code), read again only when its stamp is not the one
    /// `previous` recorded.
    static func program(previous: SourceEntry?) -> SourceEntry {
        guard let path = programPath, let stamp = programStamp() else {
            return SourceEntry(path: "", stamp: FileStamp(size: 0, modifiedSeconds: 0, modifiedNanoseconds: 0, inode: 0), digest: 0)
        }
        if let previous, previous.path == path, previous.stamp == stamp { return previous }
        // Mapped, not read: only the sections hashed are paged in (the debug info, two thirds
        // of a release build's 24 MB, is skipped; 20 ms → 4 ms measured with --clean).
        let mapped = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        let digest = mapped.map(ProgramDigest.of) ?? 0
        return SourceEntry(path: path, stamp: stamp, digest: digest)
    }

    /// The running program's file stamp; `nil` when it cannot be read.
    private static func programStamp() -> FileStamp? {
        var info = stat()
        guard let path = programPath, stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    private static let programPath: String? = {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return CommandLine.arguments.first
    }()
}

/// Hands values to another thread to be freed there.
private final class UncheckedBox: @unchecked Sendable {
    private var value: Any?
    init(_ value: Any) { self.value = value }
    func release() { value = nil }
}

extension BuildState {
    /// The state `playbook build` left in its cache for the same site written to its default
    /// output folder, to start a preview from: pages that did not change since are not parsed
    /// or rendered again, their HTML read from that folder. `nil` (start from nothing) when
    /// there is no such cache, it was written by another program or with other options, or the
    /// output folder is no longer as that build left it.
    public static func restored(forPreviewOf options: BuildOptions) -> (state: BuildState, changes: ChangeSet)? {
        var written = options
        written.output = options.output ?? PathText.join(options.source, "public")
        written.searchIndex = true
        written.clean = false
        guard let output = written.output else { return nil }
        let folder = options.cacheFolder ?? PathText.join(options.source, BuildOptions.defaultCacheFolderName)
        let restored = DiskCache(options: written, cache: BuildCache(folder: folder), output: output)
            .restore(stateEvenIfUpToDate: true)
        guard let state = restored.state, state.htmlFolder != nil else { return nil }
        return (state, restored.changes)
    }
}

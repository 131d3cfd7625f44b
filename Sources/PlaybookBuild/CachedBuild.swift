internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// A build that starts from the build cache and leaves a new one:
/// - nothing changed (every source file's stat, the options, the program and the output
///   folder are as the last build left them): nothing is read, rendered or written;
/// - otherwise unchanged Markdown files are not read again, and unchanged pages whose
///   templates, configuration and navigation are unchanged are not rendered again: their
///   HTML is hard-linked from the previous output folder into the new one.
struct CachedBuild {
    let options: BuildOptions
    let cache: BuildCache
    let output: String

    func run() throws -> BuildResult {
        try checkCacheFolder()
        var clock = StageClock(report: options.progress)
        // Stat the sources before reading them, so a file saved during the build counts as
        // changed next time.
        let manifest = SourceManifest.scan(site: options.source)
        let key = Self.key(for: options)
        let outputPath = URL(fileURLWithPath: output).standardizedFileURL.path
        let builder = IncrementalBuilder(options: options)
        var changed: Set<String>?
        var carried: BuildCache.Pages?
        if options.clean {
            cache.remove()
        } else if let head = cache.readHead(), head.key == key {
            let outputIntact = !head.outputStamp.isEmpty && OutputFolder.stamp(at: outputPath) == head.outputStamp
            if outputIntact, head.manifest == manifest {
                clock.lap("cache")
                var result = BuildResult(
                    site: Site(config: SiteConfig(), pages: [], sections: [], staticFiles: []), pages: [], files: [],
                    diagnostics: head.diagnostics, stages: clock.laps, wrote: false)
                result.upToDate = (head.pageCount, head.fileCount)
                return result
            }
            if let pages = cache.readPages(for: head) {
                builder.carry(
                    IncrementalBuilder.Carried(
                        pages: pages.entries, pageOrder: head.pageOrder, staticFiles: head.staticFiles,
                        assetOutputs: head.assetOutputs, rendered: outputIntact ? pages.rendered : [:],
                        searchParts: pages.searchParts,
                        output: outputIntact ? outputPath : nil))
                changed = manifest.changedPaths(since: head.manifest)
                carried = pages
            }
            clock.lap("cache")
        }
        builder.keepsSearchParts = options.searchIndex
        var result = try builder.build(changed: changed)
        result.stages = clock.laps + result.stages
        guard result.wrote, let stamp = OutputFolder.stamp(at: outputPath) else { return result }
        let site = result.site
        var rendered: [String: RenderedPage] = [:]
        for page in result.pages where !IncrementalBuilder.isAlwaysRendered(site.pages[page.index]) {
            rendered[site.pages[page.index].sourcePath] = page
        }
        let head = BuildCache.Head(
            key: key, outputStamp: stamp, manifest: manifest, pageCount: site.pages.count, fileCount: result.files.count,
            diagnostics: result.diagnostics, style: site.config.urlStyle, pageOrder: site.pages.map(\.sourcePath),
            staticFiles: site.staticFiles, assetOutputs: builder.assets.map(\.output))
        var saveClock = StageClock(report: options.progress)
        var pages = BuildCache.Pages(entries: builder.pageCache, rendered: rendered, searchParts: builder.searchParts)
        if let carried, let changed {
            // What was neither read nor rendered again is written back as the bytes it came from.
            pages.entryBytes = carried.entryBytes
            // The comparisons are cheap for values that were not read again: their strings share
            // storage. They also catch a file read again for another reason (a new URL style).
            let now = builder.pageCache.entries
            pages.unchangedEntries = Set(
                carried.entries.entries.filter { path, entry in
                    !changed.contains("content/" + path) && now[path].map { $0.page == entry.page && $0.diagnostics == entry.diagnostics } == true
                }.keys)
            pages.renderedBytes = carried.renderedBytes
            pages.unchangedRendered = Set(
                result.pages.filter { page in
                    let source = site.pages[page.index].sourcePath
                    return builder.linkedSources.contains(source) && carried.rendered[source]?.index == page.index
                }.map { site.pages[$0.index].sourcePath })
        }
        cache.write(head: head, pages: pages)
        saveClock.lap("cache")
        result.stages += saveClock.laps
        // `consume pages` stops this compiler ("a compiler bug", it says); emptying the variable
        // instead leaves the other thread holding the last reference.
        let written = pages
        pages = BuildCache.Pages(entries: ContentLoader.PageCache(), rendered: [:], searchParts: [:])
        Self.releaseInBackground((consume carried, consume written, builder.takeState()))
        return result
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
            (absolute(PathText.join(options.source, "content")), "the content folder"),
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
        hash.add(options.output.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "")
        hash.add(options.baseURL ?? "\u{0}")
        hash.add(options.includeDrafts ? 1 : 0)
        hash.add(options.searchIndex ? 1 : 0)
        var info = stat()
        if let program = Self.programPath, stat(program, &info) == 0 {
            hash.add(program)
            hash.add(Int(info.st_size))
            hash.add(Int(info.st_mtim.tv_sec))
            hash.add(Int(info.st_mtim.tv_nsec))
        }
        return String(hash.value, radix: 16)
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

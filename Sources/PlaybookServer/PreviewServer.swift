public import PlaybookBuild
internal import PlaybookDiagnostics
internal import PlaybookModel
internal import FlyingFox
internal import FlyingSocks
internal import Foundation

/// `playbook serve`: builds the site into memory, serves it over HTTP on the loopback address,
/// rebuilds what changed when a source file is saved, and makes open pages reload.
public final class PreviewServer: @unchecked Sendable {
    /// Where to listen and what to build.
    public struct Options: Sendable {
        /// What to build; the output is ignored (the preview serves from memory).
        public var build: BuildOptions
        /// The address to listen on: `127.0.0.1` unless told otherwise.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: UInt16

        /// Creates options.
        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8080) {
            self.build = build
            self.host = host
            self.port = port
        }
    }

    /// The site being served.
    public let site = PreviewSite()
    private let options: Options
    /// What the last build left for the next; read and replaced only on `rebuilds`.
    private var state: BuildState?
    private let buildOptions: BuildOptions
    private let rebuilds = DispatchQueue(label: "playbook.rebuild")
    private let log: @Sendable (String) -> Void
    private var watcher: FileWatcher?
    private var server: HTTPServer?

    /// Creates a server; `log` receives the short lines the terminal shows.
    public init(options: Options, log: @escaping @Sendable (String) -> Void = { print($0) }) {
        var build = options.build
        build.output = nil
        build.searchIndex = false
        self.options = options
        self.buildOptions = build
        self.log = log
    }

    /// Builds the site once, then starts the HTTP server and the file watcher.
    ///
    /// - Returns: the port the server listens on.
    /// - Throws: `DiagnosticError` (usage) when the site cannot be read or the address is taken.
    public func start() async throws -> UInt16 {
        let first = try rebuilds.sync { try firstBuild() }
        await site.update(with: first, basePath: first.site.config.basePath)
        report(first, changed: nil)
        let address: any SocketAddress
        do {
            address = try Self.address(host: options.host, port: options.port)
        } catch {
            throw DiagnosticError.usage("'\(options.host)' is not an IP address to listen on", hint: "use 127.0.0.1, ::1 or 0.0.0.0")
        }
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: PreviewHandler(site: site, stemming: buildOptions.stemming))
        self.server = server
        Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 5)
        } catch {
            throw DiagnosticError.usage("cannot listen on \(options.host):\(options.port): \(error)", hint: "is another server using the port? try --port")
        }
        let port = (await server.listeningAddress).flatMap(Self.port(of:)) ?? options.port
        watcher = FileWatcher(root: options.build.source) { [weak self] changed in self?.rebuild(changed) }
        return port
    }

    /// Stops the watcher and the server.
    public func stop() async {
        watcher?.stop()
        await server?.stop()
    }

    /// Stops the watcher and the server without waiting for them.
    public func stopInBackground() {
        watcher?.stop()
        let server = self.server
        Task { await server?.stop() }
    }

    /// The first build: from the state `playbook build` left in its cache when there is one (only
    /// what changed since is rendered), else from nothing.
    private func firstBuild() throws -> BuildResult {
        let restored = BuildState.restored(forPreviewOf: options.build)
        let result: BuildResult
        (state, result) = try Build.run(
            previous: restored?.state, changes: restored?.changes ?? .everything, options: buildOptions)
        return result
    }

    /// Rebuilds after `changed` paths changed; serialised, so a burst of saves queues up.
    func rebuild(_ changed: Set<String>) {
        rebuilds.async { [self] in
            let started = DispatchTime.now()
            let result: BuildResult
            do {
                (state, result) = try Build.run(previous: state, changes: .paths(changed), options: buildOptions)
            } catch let error as DiagnosticError {
                log(error.description)
                return
            } catch {
                log("rebuild failed: \(error)")
                return
            }
            let semaphore = DispatchSemaphore(value: 0)
            Task {
                await site.update(with: result, basePath: result.site.config.basePath)
                semaphore.signal()
            }
            semaphore.wait()
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
            report(result, changed: changed, milliseconds: milliseconds)
        }
    }

    private func report(_ result: BuildResult, changed: Set<String>?, milliseconds: Double? = nil) {
        if !result.diagnostics.isEmpty {
            log(result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        let what = changed.map { $0.sorted().prefix(3).joined(separator: ", ") + ($0.count > 3 ? " and \($0.count - 3) more" : "") }
        let time = milliseconds.map { String(format: " in %.0f ms", $0) } ?? ""
        if result.succeeded {
            let stages = ProcessInfo.processInfo.environment["PLAYBOOK_STAGES"] == nil ? ""
                : " [" + result.stages.map { String(format: "%@ %.1f ms", $0.name, $0.seconds * 1000) }.joined(separator: ", ") + "]"
            log("\(what.map { "\($0) changed: rebuilt" } ?? "built") \(result.pagesInNavigation.count) pages\(time)\(stages)")
        } else {
            log("\(what.map { "\($0) changed: " } ?? "")build failed (\(result.diagnostics.summary)); still serving the last good build")
        }
    }

    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        if host.contains(":") { return try sockaddr_in6.inet6(ip6: host, port: port) }
        if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
        return try sockaddr_in.inet(ip4: host, port: port)
    }

    static func port(of address: Socket.Address) -> UInt16? {
        switch address {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return nil
        }
    }
}

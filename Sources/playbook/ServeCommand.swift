import ArgumentParser
import Foundation
import PlaybookBuild
import PlaybookDiagnostics
import PlaybookHighlight
import PlaybookStemmer
import PlaybookServer

/// `playbook serve`: the writers' preview, rebuilt and reloaded on every save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload while you write.",
        discussion: """
            Builds the site into memory and serves it. Saving a file under content/ or templates/, \
            or playbook.yml, rebuilds what changed and reloads open pages. When a build fails, the \
            last good site stays served and every page shows the findings.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder (holds playbook.yml, content/, templates/).", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8080

    @Option(name: .long, help: "The address to listen on. Other machines can reach the preview only if you choose one they can see.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Serve under this path, e.g. /handbook/.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    func run() async throws {
        var build = BuildOptions(source: source, output: nil, baseURL: baseURL, includeDrafts: drafts)
        build.today = try Today.resolve(flag: nil)
        build.codeColouring = CodeHighlighter()
        build.stemming = SnowballStemming()
        let options = PreviewServer.Options(build: build, host: host, port: port)
        let server = PreviewServer(options: options) { line in Terminal.standardOutput(line) }
        let bound = try await server.start()
        let base = await server.site.basePath
        let shownHost = host.contains(":") ? "[\(host)]" : host
        Terminal.standardOutput("serving http://\(shownHost):\(bound)\(base) — press Ctrl-C to stop")
        while true {
            try await Task.sleep(for: .seconds(3600))
        }
    }
}

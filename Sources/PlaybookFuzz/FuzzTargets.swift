import Foundation
import PlaybookDiagnostics
import PlaybookDiagrams
import PlaybookLint
import PlaybookMarkdown
import PlaybookModel

/// The parts of the tool that read text a writer controls, each a fuzz target: any input must
/// give a value or diagnostics, never a crash, a hang or markup that escapes its escaping.
///
/// Built with `make fuzz` (libFuzzer, `-DFUZZING`), the target is chosen by the environment
/// variable `PLAYBOOK_FUZZ_TARGET`. Built normally, `playbook-fuzz TARGET PATH...` replays files
/// (or folders of files) through a target, so the seed corpus and every crash found stay tests.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Front matter split, YAML read and page metadata decoding.
    case frontmatter
    /// A whole plan page through the lint (plan decoding and every rule).
    case plan
    /// A diagram spec through the diagram renderer.
    case diagram
    /// Markdown through libcmark and the project's tree walk, with link and fence hooks.
    case markdown
    /// `playbook.yml` through the site configuration and `lint:` configuration readers.
    case config

    /// Runs one input; returns normally for any input.
    func run(_ data: Data) {
        // The tool refuses text that is not UTF-8 before any of these stages (file/encoding).
        guard let text = String(data: data, encoding: .utf8) else { return }
        let file = "content/fuzz.md"
        switch self {
        case .frontmatter:
            guard case .success(let split) = FrontMatter.split(text, file: file), let yaml = split.yaml else { return }
            if case .success(let root) = YAMLParser.parse(yaml, file: file, lineOffset: 1) {
                _ = PageMetadata.read(root, file: file)
            }
        case .plan:
            let report = Linter().lint(text: text, file: file, explicit: true)
            if let plan = report?.plan {
                let renderer = DiagramRenderer(framework: Framework.standard, plan: plan)
                for html in renderer.planDiagrams() { Self.expectInert(html, "plan diagram") }
            }
        case .diagram:
            let (html, _) = DiagramRenderer(framework: Framework.standard).render(
                text, at: SourceLocation(file: file, line: 3, column: 1))
            if let html { Self.expectInert(html, "diagram") }
        case .markdown:
            let diagrams = DiagramRenderer(framework: Framework.standard)
            let rendered = MarkdownRenderer().render(
                text,
                rewriteLink: { destination, _ in
                    destination.hasSuffix(".md") ? "/" + destination.dropLast(3) + "/" : nil
                },
                renderFence: { info, code, line in
                    info == "diagram" ? diagrams.render(code, at: SourceLocation(file: file, line: line, column: 1)).html : nil
                })
            Self.expectInert(rendered.html, "markdown")
        case .config:
            _ = SiteConfig.parse(text, file: "playbook.yml")
        }
    }

    /// Stops the run (a finding for libFuzzer) when generated HTML holds live markup that only
    /// unescaped input could have put there.
    static func expectInert(_ html: String, _ what: String) {
        let lower = html.lowercased()
        var found = ["<script", "<iframe", "href=\"javascript:", "src=\"javascript:"].filter { lower.contains($0) }
        if let handler = try? Regex("<[a-z][^<>]*\\son[a-z]+\\s*="), lower.contains(handler) { found.append("an event handler") }
        guard !found.isEmpty else { return }
        FileHandle.standardError.write(Data("\(what) output holds \(found):\n\(html.prefix(2_000))\n".utf8))
        abort()
    }
}

/// The target this process fuzzes, read once from `PLAYBOOK_FUZZ_TARGET` (default `markdown`).
let selectedTarget = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["PLAYBOOK_FUZZ_TARGET"] ?? "") ?? .markdown

#if FUZZING
/// libFuzzer's entry point: one input, always accepted.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    selectedTarget.run(data)
    return 0
}

/// libFuzzer's driver, for a `main` of our own.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The executable's entry point: SwiftPM names an executable's `main` after its module, so
/// libFuzzer's own `main` is not used; this one hands the arguments to libFuzzer's driver.
@_cdecl("playbook_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, size in fuzzOneInput(start, size) }
}
#else
/// Replays files through a target: `playbook-fuzz TARGET PATH...` (folders are read file by file).
@main struct Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: playbook-fuzz \(names) PATH...\n".utf8))
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("no such file: \(path)\n".utf8))
                exit(2)
            }
            let files =
                isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run(data)
                count += 1
            }
        }
        print("\(target.rawValue): \(count) inputs, no crash")
    }
}
#endif

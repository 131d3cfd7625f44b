internal import Foundation
internal import PlaybookDiagnostics
internal import PlaybookMarkdown
internal import PlaybookModel

/// A ```` ```lint examples/plans/NAME.md ```` fence: the build lints that plan and puts the text
/// `playbook lint` prints for it on the page, escaped, in a `<pre class="lint-output">`. Without
/// a path, on a plan page, it shows the lint's output for the page's own plan.
///
/// A page can then show a plan's findings, such as the version of a worked plan before its fix,
/// without pasting output that would go stale when a rule changes. The plan is read from the
/// site's `examples/` folder ([`LintFence.folder`]): outside `content/`, so it is neither
/// published nor linted with the shipped plans, and in one known place, so the build cache and
/// `serve` can render every page again when anything in it changes.
public struct LintFence: Sendable {
    /// The folder, relative to the site folder, that lint fences read from.
    public static let folder = "examples"
    /// The code of every problem with a lint fence.
    static let code = "fence/lint"

    let site: Site
    /// Lints the plan, as `playbook lint` would with the site's settings.
    let linter: ExampleLinter

    /// The HTML for a fence whose info string is `lint` followed by `arguments`, or `nil` and an
    /// error at the fence when the path is missing, outside `examples/`, or cannot be read.
    func render(arguments: [String], at location: SourceLocation) -> (html: String?, diagnostics: [Diagnostic]) {
        func failure(_ message: String, hint: String) -> (String?, [Diagnostic]) {
            (nil, [.error(Self.code, at: location, message, hint: hint)])
        }
        let usage = "write the plan's path from the site folder after the word lint: ```lint \(Self.folder)/plans/NAME.md"
        guard let path = arguments.first else {
            // No path: the page's own plan, as `playbook lint` prints it for this file.
            let prefix = site.config.contentPrefix
            guard location.file.hasPrefix(prefix),
                let index = site.pageIndexBySource[String(location.file.dropFirst(prefix.count))],
                let report = linter.planPageReport(site.pages[index].sourcePath)
            else {
                return failure(
                    "a lint fence without a path shows the page's own plan, and this page is not a plan",
                    hint: usage + ", or use the fence on a page with 'type: plan'")
            }
            return (Self.html(report), [])
        }
        guard arguments.count == 1 else {
            return failure("a lint fence takes one path, not \(arguments.count)", hint: usage)
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), parts.count >= 2, parts.first.map(String.init) == Self.folder,
            !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        else {
            return failure(
                "the lint fence's path '\(path)' is not inside the site's \(Self.folder)/ folder",
                hint: "keep plans that a page shows the findings of in \(Self.folder)/ beside content/, and write the path from the site folder: ```lint \(Self.folder)/plans/NAME.md")
        }
        guard let root = site.root else {
            return failure("a lint fence needs the site folder, and this site was not loaded from one", hint: usage)
        }
        let absolute = PathText.join(root, path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return failure(
                "the lint fence's plan '\(path)' does not exist", hint: "create it, or correct the path (it is relative to the site folder)")
        }
        // A symbolic link may not lead out of the examples folder.
        let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        let examples = URL(fileURLWithPath: PathText.join(root, Self.folder)).resolvingSymlinksInPath().path
        guard PathText.isSameOrInside(resolved, examples) else {
            return failure(
                "the lint fence's plan '\(path)' leads outside the site's \(Self.folder)/ folder",
                hint: "copy the plan into \(Self.folder)/ instead of linking to it")
        }
        guard let report = linter.fileReport(absolute, path) else {
            return failure("the lint fence's file '\(path)' could not be linted", hint: usage)
        }
        return (Self.html(report), [])
    }

    /// The lint's text output, escaped, as a block.
    private static func html(_ text: String) -> String {
        "<pre class=\"lint-output\"><code>" + escapeHTML(text) + "</code></pre>\n"
    }
}

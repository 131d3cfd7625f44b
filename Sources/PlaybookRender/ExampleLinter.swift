public import PlaybookDiagnostics
public import PlaybookModel

/// Lints the plans that fences show, for Render, which does not know the lint's rules: made by
/// PlaybookBuild from PlaybookLint with the site's `lint:` settings, framework and base URL.
public struct ExampleLinter: Sendable {
    /// The text `playbook lint` prints for the plan page whose source path is given
    /// (`plans/acme.md`), or `nil` when that page is not a plan. (The build's lint stage has
    /// linted it already: this reuses that report.)
    public var planPageReport: @Sendable (_ sourcePath: String) -> String?
    /// The text `playbook lint` prints for the file at `path`, naming it `display`, as when the
    /// file is named on the command line; `nil` when it could not be linted.
    public var fileReport: @Sendable (_ path: String, _ display: String) -> String?
    /// The findings of a plan example's front matter (whose positions are the fence's lines),
    /// errors made warnings when `lint.fail-build` is false; and the plan, when it could be read.
    public var planExample: @Sendable (_ root: YAMLNode, _ file: String) -> (diagnostics: [Diagnostic], plan: EngagementPlan?)

    /// Creates a linter for examples from its three answers.
    public init(
        planPageReport: @escaping @Sendable (_ sourcePath: String) -> String?,
        fileReport: @escaping @Sendable (_ path: String, _ display: String) -> String?,
        planExample: @escaping @Sendable (_ root: YAMLNode, _ file: String) -> (diagnostics: [Diagnostic], plan: EngagementPlan?)
    ) {
        self.planPageReport = planPageReport
        self.fileReport = fileReport
        self.planExample = planExample
    }
}

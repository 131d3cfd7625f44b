/// Colours fenced code at build time. The renderer asks for each fence it has no other use for;
/// a colourer that does not know the language returns `nil` and the fence stays a plain
/// `<pre><code>` block. `PlaybookHighlight`'s `CodeHighlighter` is the one the command line uses;
/// the build is given it (`BuildOptions.codeColouring`), so no library below it depends on it.
public protocol CodeColouring: Sendable {
    /// The fenced block as the page shows it, or `nil` to keep the plain block; `info` is the
    /// fence's info string, whose first word names the language.
    func block(code: String, info: String) -> String?
}

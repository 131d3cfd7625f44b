public import PlaybookMarkdown

/// The highlighter is what the build colours fenced code with when the command line sets it.
extension CodeHighlighter: CodeColouring {}

@testable import PlaybookHighlight
import Testing

/// The shim's rules remember their last search within a line; these inputs change state, end
/// lines inside tokens and move between word and non-word characters, where a wrongly reused
/// search would show. Each must come out as source-highlight's own rules give it.
@Suite struct CachedMatchingTests {
    static let inputs: [(String, String)] = [
        ("bash", "if [ -f x ]; then\n  echo \"hi\" # greet\nfi\n"),
        ("bash", "cat <<EOF\nline $HOME \"q\" # not a comment\nEOF\necho 'a\\'b' \"c\\\"d\" $'e\\n'#x\n"),
        ("bash", "#!/bin/sh\n# c\nx=${y:-z} # t\necho $((1+2)) `date` $(ls) \\\n  --flag=\"v\"\nfoo=bar baz=qux cmd -a--b\n"),
        ("bash", "echo \"héllo wörld — ✓\" $é # 日本語\nécho=1 ✓=2\n"),
        // A token ends inside a word ($1, 1): a keyword right after it starts a search, so \< holds.
        ("bash", "echo $1then $2fi; x=$3done\n"),
        ("python", "y = 1if x else 2\nz = [1for i in a]\n"),
        ("sh", "for f in *.txt; do\n\tgrep -q 'a#b' \"$f\"&&echo ok#no\ndone"),
        ("python", "def f(x):\n    return x + 1  # one\n"),
        ("python", "s = \"\"\"doc\n  'quoted' # not comment\n\"\"\" + '''x\ny''' # c\nr'\\d' b\"\\x00\" f\"{a!r}\"\n"),
        ("python", "for i in range(3):\n    print(f\"{i} < 3\")  # loop\n\n\n@dec\nclass A(B): pass#c\nxdef  = ifx(elif_)\n"),
        ("python", "x = 'unterminated\ny = \"also\n# end"),
        ("json", "{\"a\\\"b\": [1, -2.5e3, null], \"c\": {\"d\": \"\\u00e9\"}}\r\n{\"x\":1}\r\n"),
        ("yaml", "a: |\n  text # kept\nb: 'x # y' # z\nc: [1, 2.5, .inf]\n- item: \"q\\\"\" #c\nk8s: v1#x\n"),
        ("swift", "let s = \"\"\"\n  multi \\(x) \"quoted\"\n  \"\"\" // c\n/* a\n /* nested */ b */ let r = #\"raw\"#\n"),
        ("swift", "@MainActor func load() async throws -> [String] { let n = 42 }\nletx = 1; let_y = ifz\n"),
        ("c", "/* a\n * b */ int main() { return '\\'' + \"\\\"\"; } // x\n#include <stdio.h>\n"),
        ("html", "<!-- c\n--> <a href=\"x\">&amp;</a><script>var a = 1 < 2;</script>\n"),
        ("rust", "let s = b\"x\"; let r = r\"y\"; br\"z\" // c\nfn main() { println!(\"{}\", 1); }\n"),
        ("perl", "my $x = <<\"END\";\ntext $y\nEND\ns/a\\/b/c/g; # c\n"),
        ("ruby", "x = <<~EOS\n  #{y} z\nEOS\n:sym => 'a', %w[b c] # d\n"),
    ]

    @Test(arguments: 0..<inputs.count)
    func cachedSearchesGiveTheLibrarysOwnSpans(index: Int) {
        let (language, code) = Self.inputs[index]
        // nil (plain code) when a token splits a UTF-8 character, as sh.lang's `$.` does here for $é.
        let reference = CodeHighlighter.referenceHighlight(code: code, language: language)
        #expect(reference != nil || code.contains("$é"))
        #expect(CodeHighlighter().highlight(code: code, language: language) == reference)
        // Line by line too, and again after other blocks: nothing may carry over between lines.
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines {
            #expect(CodeHighlighter().highlight(code: line, language: language)
                == CodeHighlighter.referenceHighlight(code: line, language: language))
        }
    }
}

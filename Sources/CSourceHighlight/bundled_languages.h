// Language definitions for fences the system data lacks (source-highlight 3.1.9 has no Swift
// or YAML), in source-highlight's own .lang syntax, compiled in so the binary needs no data
// files of its own. Each is self-contained: it is parsed from a private folder, where the
// system's include files (number.lang, c_comment.lang) would not be found.
#ifndef BUNDLED_LANGUAGES_H
#define BUNDLED_LANGUAGES_H

static const char swiftDefinition[] = R"lang(
# Swift.

comment start "//"
comment delim "/*" "*/" multiline nested

string delim "\"\"\"" "\"\"\"" multiline
environment string delim "\"" "\"" begin
  specialchar = '\\(?:[0\\tnr"\x27]|u\{[[:xdigit:]]+\})'
end

# attributes (@MainActor) and compiler directives (#if, #available)
preproc = '@[[:alpha:]_][[:word:]]*'
preproc = '#(?:if|elseif|else|endif|available|unavailable|selector|keyPath|sourceLocation|warning|error|file|fileID|filePath|line|column|function|dsohandle)\>'

keyword = "actor|any|as|associatedtype|async|await|borrowing|break|case|catch|class",
          "consume|consuming|continue|convenience|default|defer|deinit|didSet|do|dynamic",
          "each|else|enum|extension|fallthrough|false|fileprivate|final|for|func|get|guard",
          "if|import|in|indirect|init|inout|internal|is|isolated|lazy|let|macro|mutating",
          "nil|nonisolated|nonmutating|open|operator|optional|override|package",
          "precedencegroup|private|protocol|public|repeat|required|rethrows|return|self",
          "Self|set|some|static|struct|subscript|super|switch|throw|throws|true|try",
          "typealias|unowned|var|weak|where|while|willSet"

type = '\<[[:upper:]][[:word:]]*'

number = '\<(?:0x[[:xdigit:]_]+|0o[0-7_]+|0b[01_]+|[[:digit:]][[:digit:]_]*(?:\.[[:digit:]][[:digit:]_]*)?(?:[eE][+-]?[[:digit:]]+)?)\>'

function = '([[:alpha:]]|_)[[:word:]]*(?=[[:blank:]]*\()'
)lang";

static const char yamlDefinition[] = R"lang(
# YAML.

# a comment starts after a blank or at the start of a line (a # inside a word is text)
comment start '(?<![^[:blank:]])#'

# document markers and directives
preproc = '^(?:---|\.\.\.)(?=[[:blank:]]|$)'
preproc = '^%[[:alpha:]]+'

# a mapping key: plain or quoted, after the indent and any "- " of a sequence item
(normal,key,symbol) = `(^[[:blank:]]*(?:-[[:blank:]]+)*)([^[:blank:]#"'\[\]{},&*!|>%@-][^#]*?|-[^[:blank:]#][^#]*?|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')([[:blank:]]*:(?=[[:blank:]]|$))`

# flow mappings ({a: 1}) keep their keys plain: only block keys are coloured

# anchors, aliases and tags
variable = '[&*][^[:blank:],\[\]{}]+'
type = '!!?[^[:blank:],\[\]{}]*'

environment string delim "\"" "\"" begin
  specialchar = '\\.'
end
string delim "'" "'"

keyword = "true|false|null|yes|no|on|off|True|False|Null|NULL|TRUE|FALSE|Yes|No|On|Off"

number = '(?<![[:word:].:/-])[+-]?(?:0x[[:xdigit:]]+|0o[0-7]+|[[:digit:]]+(?:\.[[:digit:]]+)?(?:[eE][+-]?[[:digit:]]+)?|\.inf|\.nan)(?![[:word:].:/-])'

# block scalar indicators (| and > with their chomping and indent marks)
preproc = '(?<=[[:blank:]])[|>][-+]?[[:digit:]]?(?=[[:blank:]]*$)'
)lang";

#endif

// GNU source-highlight behind a C interface. The library's own HTML output languages wrap
// code in <pre><tt> and colour inline; Playbook wants bare spans with classes for CSS
// variables, so tokens go through our own Formatter instead, which also does the escaping.
#include "CSourceHighlight.h"
#include "bundled_languages.h"

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/highlightrule.h>
#include <srchilite/highlighttoken.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/matchingparameters.h>
#include <srchilite/regexpreprocessor.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/settings.h>
#include <srchilite/sourcehighlighter.h>

#include <boost/regex.hpp>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unistd.h>

namespace {

struct Bundled {
    const char *file;
    const char *text;
};
const Bundled bundled[] = {{"swift.lang", swiftDefinition}, {"yaml.lang", yamlDefinition}};

/// Fence names the system lang.map lacks, mapped to definition files; "" keeps a name plain
/// even where lang.map knows it (plain text is not worth a highlighted block).
const std::map<std::string, std::string> &aliases() {
    static const std::map<std::string, std::string> table = {
        {"swift", "swift.lang"}, {"yaml", "yaml.lang"}, {"yml", "yaml.lang"},
        {"rust", "rust.lang"}, {"golang", "go.lang"}, {"c++", "cpp.lang"},
        {"ts", "javascript.lang"}, {"typescript", "javascript.lang"}, {"jsx", "javascript.lang"},
        {"console", "sh.lang"}, {"shell-session", "sh.lang"}, {"make", "makefile.lang"},
        {"toml", "desktop.lang"}, {"svg", "xml.lang"},
        {"txt", ""}, {"text", ""}, {"plain", ""}, {"plaintext", ""},
    };
    return table;
}

/// source-highlight's element names (they vary by language file) folded into the few token
/// classes the stylesheet colours; any other element is written as plain text.
const std::map<std::string, std::string> &classes() {
    static const std::map<std::string, std::string> table = {
        {"keyword", "hl-keyword"},   {"type", "hl-type"},         {"usertype", "hl-type"},
        {"classname", "hl-type"},    {"selector", "hl-type"},     {"section", "hl-type"},
        {"string", "hl-string"},     {"valquote", "hl-string"},   {"regexp", "hl-string"},
        {"specialchar", "hl-string"}, {"value", "hl-string"},     {"comment", "hl-comment"},
        {"todo", "hl-comment"},      {"number", "hl-number"},     {"function", "hl-function"},
        {"predef_func", "hl-function"}, {"variable", "hl-variable"}, {"predef_var", "hl-variable"},
        {"key", "hl-attr"},          {"keyquote", "hl-attr"},     {"property", "hl-attr"},
        {"attribute", "hl-attr"},    {"preproc", "hl-meta"},      {"label", "hl-meta"},
        {"difflines", "hl-meta"},    {"newfile", "hl-inserted"},  {"oldfile", "hl-deleted"},
    };
    return table;
}

void appendEscaped(std::string &out, const std::string &text) {
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
}

/// Writes one token into the highlighter's output, escaped, in a span when it has a class.
class SpanFormatter : public srchilite::Formatter {
    std::string &out;
    const std::string open;

public:
    SpanFormatter(std::string &out, const std::string &cssClass)
        : out(out), open(cssClass.empty() ? "" : "<span class=\"" + cssClass + "\">") {}

    void format(const std::string &text, const srchilite::FormatterParams *) override {
        if (text.empty()) return;
        out += open;
        appendEscaped(out, text);
        if (!open.empty()) out += "</span>";
    }
};

/// Whether `text` is valid UTF-8: a token rule that matches one byte (sh.lang's `$.`) can
/// cut a multi-byte character in two, and such output is dropped for plain code.
bool isValidUTF8(const std::string &text) {
    size_t i = 0, n = text.size();
    while (i < n) {
        unsigned char c = text[i];
        size_t extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 4;
        if (extra == 4 || i + extra >= n) return false;
        for (size_t k = 1; k <= extra; k++)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
        i += extra + 1;
    }
    return true;
}

/// A rule that matches exactly like srchilite::RegexHighlightRule (the same regular expression,
/// search flags and token) but remembers its last search in the current line.
///
/// SourceHighlighter asks every rule of the current state for its leftmost match from the
/// current position, once per token, so each rule rescans the rest of the line again and
/// again: O(tokens × rules × line length) regex work, nearly all of the highlighting cost.
/// Yet a search from `start` can only differ from an earlier search of the same line (from
/// `from` < `start`, leftmost match at `p` > `start`, or none) in its attempt at `start`:
/// - RegexHighlightRule searches without match_prev_avail, so `start` is the buffer's start
///   to the assertions that look back (\b \B \< \> ^ \A \G), whose flags also differ by call;
/// - an attempt at q > `start` reads only text both searches see (those assertions look at
///   q - 1 ≥ `start`, `$` and \z at the shared `end`), so it succeeds, with the same match,
///   in both, and the earlier search found none before p.
/// So the earlier answer stands once the attempt at `start` is known to fail (see `Context`);
/// the patterns that look further back or move the search are never cached.
class CachingRule : public srchilite::HighlightRule {
    /// How the attempt at the search's start depends on where the search started.
    enum class Context {
        none,           ///< not at all: the earlier search's attempt there failed, so does this one
        previous,       ///< through \b \< \> ^ only: as above when the character before `start` is
                        ///< one those see as a line's start would be seen (see `isNeutral`)
        always,         ///< \B, \A or \G: an anchored attempt at `start` decides
        uncacheable,    ///< lookbehind reads before `start`; \K moves a match's start past its
                        ///< attempt; (*COMMIT), (*SKIP), (*THEN) change where a search goes on
    };

    boost::regex pattern;
    Context context;
    /// The handle's line counter, bumped before every highlightParagraph: iterators into a
    /// line freed since may compare equal to those of the next, so they cannot tell lines apart.
    const std::uint64_t *line;
    /// The last full search: the line it ran in (0: none), its range, flags and result, which
    /// holds iterators into that line; only read while `line` still names it.
    std::uint64_t searchedLine = 0;
    std::string::const_iterator searchedFrom, searchedEnd;
    boost::match_flag_type searchedFlags = boost::match_default;
    bool found = false;
    boost::smatch match;
    boost::smatch anchored;

    /// Reads the compiled program rather than the pattern text, so no spelling (escapes,
    /// classes, \Q…\E) can hide an assertion.
    static Context contextOf(const boost::regex &pattern) {
        namespace detail = boost::BOOST_REGEX_DETAIL_NS;
        Context context = Context::none;
        for (const detail::re_syntax_base *state = pattern.get_first_state(); state; state = state->next.p) {
            switch (state->type) {
            case detail::syntax_element_backstep:
            case detail::syntax_element_commit:
            case detail::syntax_element_then:
                return Context::uncacheable;
            case detail::syntax_element_startmark:
                if (static_cast<const detail::re_brace *>(state)->index == -5) return Context::uncacheable;  // \K
                break;
            case detail::syntax_element_within_word:
            case detail::syntax_element_buffer_start:
            case detail::syntax_element_restart_continue:
                context = Context::always;
                break;
            case detail::syntax_element_start_line:
            case detail::syntax_element_word_boundary:
            case detail::syntax_element_word_start:
            case detail::syntax_element_word_end:
                if (context == Context::none) context = Context::previous;
                break;
            default:
                break;
            }
        }
        return context;
    }

    /// Whether \b \< \> and ^ (under match_not_bol) decide at a position after `c` as they do
    /// at a search's start: there boost takes the character before as a non-word character
    /// that ends no line. Printable ASCII punctuation, space and tab are that in any locale a
    /// build runs in; anything else, letters, digits, _, controls or UTF-8 bytes, is not trusted.
    static bool isNeutral(char c) {
        unsigned char u = static_cast<unsigned char>(c);
        return u == '\t' || (u >= 0x20 && u < 0x7f && !std::isalnum(u) && u != '_');
    }

    /// False when no match can begin at `start`, by boost's own test for skipping a position
    /// (its start map: every character a match can begin with, including those a null match
    /// at `$` needs); the anchored attempt it saves costs as much as a short search.
    bool canStartAt(std::string::const_iterator start, std::string::const_iterator end) const {
        if (start == end) return true;
        return pattern.get_map()[static_cast<unsigned char>(*start)] & boost::BOOST_REGEX_DETAIL_NS::mask_any;
    }

    /// Fills `token` as RegexHighlightRule::tryToMatch does for a search from `start`.
    bool fill(srchilite::HighlightToken &token, const boost::smatch &result, std::string::const_iterator start,
              std::string::const_iterator end) const {
        static const boost::regex onlySpaces("[[:blank:]]*");  // the library's own test
        token.prefix.assign(start, result[0].first);
        token.suffix.assign(result[0].second, end);
        token.prefixOnlySpaces = token.prefix.empty() || boost::regex_match(token.prefix, onlySpaces);
        if (getHasSubexpressions())
            for (unsigned i = 1; i < result.size(); ++i) token.matchedSubExps.push_back(result[i]);
        const srchilite::ElemList &elements = getElemList();
        if (elements.size() > 1) {
            for (unsigned i = 1; i < result.size(); ++i)
                if (result[i].matched) token.addMatched(elements[i - 1], result[i]);
        } else {
            token.addMatched(elements[0], result[0]);
        }
        return true;
    }

public:
    CachingRule(const std::string &name, const std::string &expression, const std::uint64_t *line)
        : HighlightRule(name), pattern(expression), context(contextOf(pattern)), line(line) {}

    /// Takes over a rule the library's factory made: its expression and every setting.
    CachingRule(const srchilite::HighlightRule &made, const std::uint64_t *line)
        : pattern(made.toString()), context(contextOf(pattern)), line(line) {
        for (const auto &element : made.getElemList()) addElem(element);
        setNextState(made.getNextState());
        setExitLevel(made.getExitLevel());
        setNested(made.isNested());
        setNeedsReferenceReplacement(made.getNeedsReferenceReplacement());
        setHasSubexpressions(made.getHasSubexpressions());
        setAdditionalInfo(made.getAdditionalInfo());
    }

    /// A copy for a state whose references are being replaced: settings and expression, no cache.
    CachingRule(const CachingRule &other)
        : HighlightRule(other), pattern(other.pattern), context(other.context), line(other.line) {}

    bool tryToMatch(std::string::const_iterator start, std::string::const_iterator end,
                    srchilite::HighlightToken &token, const srchilite::MatchingParameters &params) override {
        boost::match_flag_type flags = boost::match_default;
        if (!params.beginningOfLine) flags |= boost::match_not_bol;
        if (context != Context::uncacheable && searchedLine == *line && searchedEnd == end && searchedFrom <= start &&
            (!found || match[0].first > start)) {
            bool settled = (start == searchedFrom && flags == searchedFlags) || context == Context::none ||
                           (context == Context::previous && !params.beginningOfLine && isNeutral(start[-1]));
            if (!settled && canStartAt(start, end) &&
                boost::regex_search(start, end, anchored, pattern, flags | boost::match_continuous))
                return fill(token, anchored, start, end);
            return found && fill(token, match, start, end);
        }
        searchedLine = 0;  // `match` is overwritten below; a throw must not leave it trusted
        found = boost::regex_search(start, end, match, pattern, flags);
        if (context != Context::uncacheable) {
            searchedLine = *line;
            searchedFrom = start;
            searchedEnd = end;
            searchedFlags = flags;
        }
        return found && fill(token, match, start, end);
    }

    const std::string toString() const override { return pattern.str(); }

    void replaceReferences(const srchilite::ReplacementList &replacements) override {
        pattern.assign(srchilite::RegexPreProcessor::replace_references(pattern.str(), replacements));
        context = contextOf(pattern);
        searchedLine = 0;
    }

    srchilite::HighlightRule *clone() override { return new CachingRule(*this); }
};

/// The library's rule factory with every rule a CachingRule (or, for a reference handle, the
/// library's own rules). Line and multi-line rules need no override: the base class builds
/// them, and their inner states, through createSimpleRule.
class CachingRuleFactory : public srchilite::RegexRuleFactory {
    const bool caching;

    srchilite::HighlightRule *adopt(srchilite::HighlightRule *made) {
        if (!caching) return made;
        std::unique_ptr<srchilite::HighlightRule> owned(made);
        return new CachingRule(*owned, &line);
    }

public:
    /// Bumped before each line is highlighted; every rule made here reads it.
    std::uint64_t line = 1;

    explicit CachingRuleFactory(bool caching) : caching(caching) {}

    srchilite::HighlightRule *createSimpleRule(const std::string &name, const std::string &s) override {
        if (!caching) return RegexRuleFactory::createSimpleRule(name, s);
        return new CachingRule(name, s, &line);
    }
    srchilite::HighlightRule *createWordListRule(const std::string &name, const srchilite::WordList &list,
                                                 bool caseSensitive) override {
        return adopt(RegexRuleFactory::createWordListRule(name, list, caseSensitive));
    }
    srchilite::HighlightRule *createListRule(const std::string &name, const srchilite::WordList &list,
                                             bool caseSensitive) override {
        return adopt(RegexRuleFactory::createListRule(name, list, caseSensitive));
    }
    srchilite::HighlightRule *createCompoundRule(const srchilite::ElemNameList &names, const std::string &rep) override {
        return adopt(RegexRuleFactory::createCompoundRule(names, rep));
    }
};

/// Held while reading any definition or map file: source-highlight's parsers are flex and
/// bison scanners with global state, so two handles must never parse at once. Highlighting
/// itself only reads a handle's own objects and needs no lock.
std::mutex &parserLock() {
    static std::mutex lock;
    return lock;
}

} // namespace

struct pb_highlighter {
    CachingRuleFactory ruleFactory;
    srchilite::LangDefManager definitions{&ruleFactory};
    std::string dataDir;
    std::unique_ptr<srchilite::LangMap> langMap;
    /// Parsed definitions by fence name, null for a name known to stay plain: each language
    /// is read once per handle, not once per block.
    std::map<std::string, srchilite::HighlightStatePtr> states;
    std::map<std::string, srchilite::HighlightStatePtr> bundledStates;
    std::string out;
    srchilite::FormatterManager formatters{srchilite::FormatterPtr(new SpanFormatter(out, ""))};

    explicit pb_highlighter(bool caching) : ruleFactory(caching) {
        for (const auto &entry : classes())
            formatters.addFormatter(entry.first, srchilite::FormatterPtr(new SpanFormatter(out, entry.second)));
        std::lock_guard<std::mutex> guard(parserLock());
        dataDir = srchilite::Settings::retrieveDataDir();
        try {
            auto map = std::make_unique<srchilite::LangMap>(dataDir, "lang.map");
            map->open();
            langMap = std::move(map);
        } catch (...) {
            // No system data: the bundled languages still work, the rest stay plain.
        }
        loadBundled();
    }

    /// Parses the compiled-in definitions (the caller holds the parser lock). The parser reads
    /// only files, so they are written to a private folder for the moment it takes, then removed.
    void loadBundled() {
        const char *tmp = std::getenv("TMPDIR");
        std::string folder = std::string(tmp && *tmp ? tmp : "/tmp") + "/playbook-highlight-XXXXXX";
        if (!mkdtemp(folder.data())) return;
        for (const auto &language : bundled) {
            std::string path = folder + "/" + language.file;
            {
                std::ofstream file(path, std::ios::binary);
                file << language.text;
            }
            try {
                bundledStates[language.file] = definitions.getHighlightState(folder, language.file);
            } catch (...) {
            }
            std::remove(path.c_str());
        }
        rmdir(folder.c_str());
    }

    /// The definition file for a fence name, or "" to keep it plain.
    std::string fileFor(const std::string &language) {
        std::string lower = language;
        for (char &c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto alias = aliases().find(lower);
        if (alias != aliases().end()) return alias->second;
        if (!langMap) return "";
        std::string file = langMap->getMappedFileName(language);
        if (file.empty()) file = langMap->getMappedFileName(lower);
        return file == "nohilite.lang" ? "" : file;
    }

    srchilite::HighlightStatePtr stateFor(const std::string &language) {
        auto known = states.find(language);
        if (known != states.end()) return known->second;
        srchilite::HighlightStatePtr state;
        std::string file = fileFor(language);
        auto compiledIn = bundledStates.find(file);
        if (compiledIn != bundledStates.end()) {
            state = compiledIn->second;
        } else if (!file.empty()) {
            std::lock_guard<std::mutex> guard(parserLock());
            try {
                state = definitions.getHighlightState(dataDir, file);
            } catch (...) {
                // A definition that does not parse leaves the language plain, never an error.
            }
        }
        states[language] = state;
        return state;
    }

    /// Highlights `code` into `out`; false when the language is unknown.
    bool highlight(const std::string &language, const char *code, size_t length) {
        srchilite::HighlightStatePtr state = stateFor(language);
        if (!state) return false;
        out.clear();
        out.reserve(length + length / 2 + 64);
        srchilite::SourceHighlighter highlighter(state);
        srchilite::FormatterParams params;
        highlighter.setFormatterManager(&formatters);
        highlighter.setFormatterParams(&params);
        highlighter.setOptimize(true);  // one span for a run of one element, not one per match
        size_t start = 0;
        while (start < length) {
            const void *found = std::memchr(code + start, '\n', length - start);
            size_t end = found ? static_cast<const char *>(found) - code : length;
            ++ruleFactory.line;  // the rules' cached searches belong to the previous line
            highlighter.highlightParagraph(std::string(code + start, end - start));
            if (found) out += '\n';
            start = end + 1;
        }
        return isValidUTF8(out);
    }
};

extern "C" pb_highlighter *pb_highlighter_new(void) {
    try {
        return new pb_highlighter(true);
    } catch (...) {
        return nullptr;
    }
}

extern "C" pb_highlighter *pb_highlighter_new_reference(void) {
    try {
        return new pb_highlighter(false);
    } catch (...) {
        return nullptr;
    }
}

extern "C" void pb_highlighter_free(pb_highlighter *highlighter) { delete highlighter; }

extern "C" char *pb_highlight(pb_highlighter *highlighter, const char *language, const char *code, size_t length) {
    if (!highlighter || !language || !code) return nullptr;
    try {
        if (!highlighter->highlight(language, code, length)) return nullptr;
        const std::string &html = highlighter->out;
        char *result = static_cast<char *>(std::malloc(html.size() + 1));
        if (!result) return nullptr;
        std::memcpy(result, html.c_str(), html.size() + 1);
        return result;
    } catch (...) {
        return nullptr;
    }
}

extern "C" void pb_highlight_free(char *html) { std::free(html); }

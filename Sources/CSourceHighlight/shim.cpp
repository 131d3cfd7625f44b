// GNU source-highlight behind a C interface. The library's own HTML output languages wrap
// code in <pre><tt> and colour inline; Playbook wants bare spans with classes for CSS
// variables, so tokens go through our own Formatter instead, which also does the escaping.
#include "CSourceHighlight.h"
#include "bundled_languages.h"

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/langmap.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/settings.h>
#include <srchilite/sourcehighlighter.h>

#include <cctype>
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

/// Held while reading any definition or map file: source-highlight's parsers are flex and
/// bison scanners with global state, so two handles must never parse at once. Highlighting
/// itself only reads a handle's own objects and needs no lock.
std::mutex &parserLock() {
    static std::mutex lock;
    return lock;
}

} // namespace

struct pb_highlighter {
    srchilite::RegexRuleFactory ruleFactory;
    srchilite::LangDefManager definitions{&ruleFactory};
    std::string dataDir;
    std::unique_ptr<srchilite::LangMap> langMap;
    /// Parsed definitions by fence name, null for a name known to stay plain: each language
    /// is read once per handle, not once per block.
    std::map<std::string, srchilite::HighlightStatePtr> states;
    std::map<std::string, srchilite::HighlightStatePtr> bundledStates;
    std::string out;
    srchilite::FormatterManager formatters{srchilite::FormatterPtr(new SpanFormatter(out, ""))};

    pb_highlighter() {
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
            highlighter.highlightParagraph(std::string(code + start, end - start));
            if (found) out += '\n';
            start = end + 1;
        }
        return isValidUTF8(out);
    }
};

extern "C" pb_highlighter *pb_highlighter_new(void) {
    try {
        return new pb_highlighter();
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

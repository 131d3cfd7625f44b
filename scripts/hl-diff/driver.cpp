// Highlights a file of fenced blocks through the C interface of one build of the shim, for
// scripts/hl-diff/hl_diff.py: writes every result, and reports CPU time per block by language.
//
//   driver BLOCKS OUT [PASSES]
//
// BLOCKS holds records "language\0code\0"; OUT gets one record "html\0" per block ("\1\0" when
// the shim returned NULL). The first pass loads the definitions and writes OUT; PASSES more
// (default 0) are timed on this thread's CPU clock, and the fastest pass is reported.
#include "CSourceHighlight.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

static double threadSeconds() {
    timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec + now.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: driver BLOCKS OUT [PASSES]\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::pair<std::string, std::string>> blocks;
    for (size_t at = 0; at < data.size();) {
        size_t languageEnd = data.find('\0', at), codeEnd = data.find('\0', languageEnd + 1);
        blocks.emplace_back(data.substr(at, languageEnd - at), data.substr(languageEnd + 1, codeEnd - languageEnd - 1));
        at = codeEnd + 1;
    }
    pb_highlighter *handle = pb_highlighter_new();
    if (!handle) return 1;
    std::ofstream out(argv[2], std::ios::binary);
    for (const auto &block : blocks) {
        char *html = pb_highlight(handle, block.first.c_str(), block.second.data(), block.second.size());
        out << (html ? html : "\1") << '\0';
        pb_highlight_free(html);
    }
    int passes = argc > 3 ? std::atoi(argv[3]) : 0;
    std::map<std::string, double> best;
    std::map<std::string, int> counts;
    for (int pass = 0; pass < passes; pass++) {
        std::map<std::string, double> total;
        for (const auto &block : blocks) {
            double started = threadSeconds();
            char *html = pb_highlight(handle, block.first.c_str(), block.second.data(), block.second.size());
            total[block.first] += threadSeconds() - started;
            pb_highlight_free(html);
            if (pass == 0) counts[block.first]++;
        }
        for (const auto &entry : total)
            best[entry.first] = pass == 0 ? entry.second : std::min(best[entry.first], entry.second);
    }
    double all = 0;
    int blocksTimed = 0;
    for (const auto &entry : best) {
        std::printf("%-12s %6d blocks %8.1f us/block\n", entry.first.c_str(), counts[entry.first],
                    entry.second * 1e6 / counts[entry.first]);
        all += entry.second;
        blocksTimed += counts[entry.first];
    }
    if (blocksTimed) std::printf("%-12s %6d blocks %8.1f us/block\n", "all", blocksTimed, all * 1e6 / blocksTimed);
    pb_highlighter_free(handle);
    return 0;
}

// A plain C interface to GNU source-highlight (libsource-highlight), so Swift never sees C++.
// The implementation (shim.cpp) owns every C++ object and catches every C++ exception.
#ifndef CSOURCEHIGHLIGHT_H
#define CSOURCEHIGHLIGHT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One highlighter: the language definitions it has parsed, kept for the next block.
/// Not thread-safe: use a handle on one thread at a time.
typedef struct pb_highlighter pb_highlighter;

/// A new highlighter, or NULL when one cannot be made. Free it with pb_highlighter_free.
pb_highlighter *pb_highlighter_new(void);

/// A highlighter that matches with the library's own rules, without the per-line search cache
/// pb_highlighter_new's use: slower, the same output; for tests to compare against.
pb_highlighter *pb_highlighter_new_reference(void);

/// Frees a highlighter from pb_highlighter_new or pb_highlighter_new_reference (NULL is ignored).
void pb_highlighter_free(pb_highlighter *highlighter);

/// `code` (`length` bytes of UTF-8) as HTML: escaped text, tokens in <span class="hl-…">
/// elements, newlines kept, no wrapper. Returns NULL when `language` (a fence's first word)
/// is unknown or anything fails; otherwise a malloc'd NUL-terminated string to free with
/// pb_highlight_free.
char *pb_highlight(pb_highlighter *highlighter, const char *language, const char *code, size_t length);

/// Frees a string from pb_highlight (NULL is ignored).
void pb_highlight_free(char *html);

#ifdef __cplusplus
}
#endif

#endif

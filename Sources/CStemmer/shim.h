// Snowball's stemmers (Debian libstemmer-dev): the search index reduces words to their stem.
#include <libstemmer.h>

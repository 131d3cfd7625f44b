#!/usr/bin/env bash
# Makes sure the system libraries the build links are present: libcmark (Debian: libcmark-dev)
# for Markdown, GNU source-highlight (Debian: libsource-highlight-dev) for code colours and
# Snowball's libstemmer (Debian: libstemmer-dev) for the search index's stems, and mimalloc
# (Debian: libmimalloc-dev), the allocator the program links in place of glibc's malloc; and
# libcurl's link-time library (Debian: libcurl4-openssl-dev), which the release build's static
# Foundation names (`make release` links the Swift runtime in; see the Makefile).
# Installs them with apt-get when running as root; otherwise says what to install.
set -euo pipefail

has_source_highlight() {
  pkg-config --exists source-highlight 2>/dev/null || [ -f /usr/include/srchilite/sourcehighlight.h ]
}

missing=()
if ! pkg-config --exists libcmark 2>/dev/null; then
  missing+=(libcmark-dev)
fi
if ! has_source_highlight; then
  missing+=(libsource-highlight-dev)
fi
if [ ! -f /usr/include/libstemmer.h ]; then
  missing+=(libstemmer-dev)
fi
if [ ! -f /usr/include/mimalloc.h ]; then
  missing+=(libmimalloc-dev)
fi
if ! pkg-config --exists libcurl 2>/dev/null; then
  missing+=(libcurl4-openssl-dev)
fi
if ! command -v pkg-config >/dev/null 2>&1; then
  missing+=(pkg-config)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
  pkg-config --exists libcmark || { echo "error: libcmark still not found after installing libcmark-dev" >&2; exit 1; }
  has_source_highlight || { echo "error: source-highlight still not found after installing libsource-highlight-dev" >&2; exit 1; }
  [ -f /usr/include/libstemmer.h ] || { echo "error: libstemmer.h still not found after installing libstemmer-dev" >&2; exit 1; }
  [ -f /usr/include/mimalloc.h ] || { echo "error: mimalloc.h still not found after installing libmimalloc-dev" >&2; exit 1; }
  pkg-config --exists libcurl || { echo "error: libcurl still not found after installing libcurl4-openssl-dev" >&2; exit 1; }
else
  echo "error: missing ${missing[*]}: the Markdown renderer links the system libcmark," >&2
  echo "  code highlighting the system GNU source-highlight, search stems Snowball's libstemmer," >&2
  echo "  the program allocates with mimalloc, and its static Foundation links libcurl." >&2
  echo "  install them with:  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

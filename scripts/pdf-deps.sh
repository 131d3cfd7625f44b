#!/usr/bin/env bash
# Installs what `playbook pdf` and its tests need when it is missing: the PDF engine WeasyPrint
# (Debian: weasyprint; from PyPI only when apt-get has no such package), poppler-utils
# (pdftotext, pdfinfo, pdftoppm) and, for the tests, the Python packages pypdf and pytest.
# Installs with apt-get when running as root; otherwise says what to install.
set -euo pipefail

packages=()
command -v weasyprint >/dev/null 2>&1 || [ -n "${PLAYBOOK_WEASYPRINT:-}" ] || packages+=(weasyprint)
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${packages[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    if ! apt-cache show weasyprint >/dev/null 2>&1; then
      # No Debian package (an old release): WeasyPrint from PyPI, the rest from apt-get.
      packages=("${packages[@]/weasyprint}")
      python3 -m pip install --quiet --disable-pip-version-check "weasyprint>=57,<63"
    fi
    # shellcheck disable=SC2068
    apt-get install -y -qq ${packages[@]} >/dev/null
  else
    echo "error: 'playbook pdf' needs ${packages[*]}: sudo apt-get install ${packages[*]}" >&2
    echo "  (weasyprint is the PDF engine; poppler-utils gives pdftotext and pdfinfo to the tests)" >&2
    exit 1
  fi
fi
command -v weasyprint >/dev/null 2>&1 || [ -n "${PLAYBOOK_WEASYPRINT:-}" ] \
  || { echo "error: weasyprint still not found after installing it" >&2; exit 1; }

if [ "${1:-}" = "--tests" ]; then
  python3 - <<'PY' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check "pypdf>=3.4,<6" "pytest>=8"
import pypdf, pytest
PY
fi

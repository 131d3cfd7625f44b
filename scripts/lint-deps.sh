#!/usr/bin/env bash
# Makes sure the lint tests can validate SARIF output: python3 with the jsonschema package.
# Installs what is missing (apt-get for python3 when root, pip for jsonschema).
set -euo pipefail

if ! command -v python3 >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing python3 and python3-pip with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq python3 python3-pip >/dev/null
  else
    echo "error: the lint tests need python3: sudo apt-get install python3 python3-pip" >&2
    exit 1
  fi
fi

python3 -c "import jsonschema" 2>/dev/null && exit 0
echo "installing the Python package jsonschema with pip" >&2
python3 -m pip install --quiet --disable-pip-version-check "jsonschema>=4" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "jsonschema>=4"
python3 -c "import jsonschema" || { echo "error: jsonschema still cannot be imported" >&2; exit 1; }

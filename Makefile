# Two commands do everything on a fresh Debian machine with Swift:
#   make site   builds the shipped playbook into public/
#   make test   runs every test, then the standalone check (scripts/standalone-check.sh)
SWIFT ?= swift
PLAYBOOK_RELEASE := .build/release/playbook

.PHONY: site test deps release clean bench bench-lint bench-search fuzz standalone pdf

deps:
	@./scripts/ensure-deps.sh

# The Swift runtime and Foundation linked in (--static-swift-stdlib): the program starts in a
# third of the time and calls the runtime directly, 9% off a 1,000-page build and 7% off a
# 10,000-page one (paired runs, 2026-12-06). Static Foundation links libcurl by name, hence
# libcurl4-openssl-dev among the dependencies.
release: deps
	$(SWIFT) build -c release --product playbook --static-swift-stdlib

site: release
	$(PLAYBOOK_RELEASE) build --source . --output public

# The shipped playbook as one PDF (cover, contents with page numbers, every page), written into the
# built site as public/playbook.pdf: installs WeasyPrint when missing (see scripts/pdf-deps.sh).
# A later `make site` replaces public/: run `make pdf` again after it.
pdf: site
	@./scripts/pdf-deps.sh
	$(PLAYBOOK_RELEASE) pdf --source . --output public/playbook.pdf

test: deps
	@./scripts/lint-deps.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@./scripts/workflow-check.sh
	@./scripts/browser-deps.sh
	PLAYBOOK_BIN=.build/debug/playbook python3 -m pytest -q -p no:cacheprovider Tests/Browser
	@./scripts/pdf-deps.sh --tests
	PLAYBOOK_BIN=.build/debug/playbook python3 -m pytest -q -p no:cacheprovider Tests/PDF
	@SWIFT="$(SWIFT)" ./scripts/standalone-check.sh

# The committed HEAD cloned alone into an empty temporary folder (no team folder beside it): make site and
# the Swift tests must pass there, with no test skipped but the seed-overlap one.
standalone:
	@SWIFT="$(SWIFT)" ./scripts/standalone-check.sh

clean:
	rm -rf .build public

# Timings against Hugo and the libcmark floor (see scripts/bench.py); output on tmpfs.
bench: release
	@command -v hugo >/dev/null 2>&1 || { [ "$$(id -u)" -eq 0 ] && apt-get update -qq >/dev/null && apt-get install -y -qq hugo >/dev/null; } || echo "hugo not installed: timing playbook and the floor only" >&2
	python3 scripts/bench.py --pages 1000,10000 --runs 5

# The site search as a phone user meets it, in real Chromium (see scripts/bench_search.py): bytes
# sent and time to results for three queries on the shipped playbook, a 1,000-page foreign handbook
# and the 10,000-page corpus; Pagefind beside Playbook when its Python package is installed.
BENCH_SEARCH_RUNS ?= 3
bench-search: release
	@./scripts/browser-deps.sh
	python3 scripts/bench_search.py --runs $(BENCH_SEARCH_RUNS)

# Time to lint 1,000 generated plans with the release binary (see scripts/bench_lint.py).
bench-lint: release
	python3 scripts/bench_lint.py --plans 1000 --runs 5

# libFuzzer (with AddressSanitizer) over each fuzz target for FUZZ_SECONDS, starting from the
# committed seeds in Tests/Fuzz/corpus/<target>; new inputs go to .build-fuzz/corpus/<target>,
# crashes to .build-fuzz/crash-<target>-*. Copy a crash into the seed corpus once it is fixed:
# the Swift tests replay the corpus (FuzzCorpusTests).
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= frontmatter plan diagram markdown config
FUZZ_BIN := .build-fuzz/debug/playbook-fuzz

fuzz: deps
	$(SWIFT) build -c debug --product playbook-fuzz --scratch-path .build-fuzz \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p .build-fuzz/corpus/$$target; \
		echo "== fuzz $$target for $(FUZZ_SECONDS) s"; \
		PLAYBOOK_FUZZ_TARGET=$$target $(FUZZ_BIN) .build-fuzz/corpus/$$target Tests/Fuzz/corpus/$$target \
			-max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
			-artifact_prefix=.build-fuzz/crash-$$target- 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::|==|SUMMARY|artifact_prefix|Test unit written)" || true; \
		if ls .build-fuzz/crash-$$target-* >/dev/null 2>&1; then echo "crash inputs in .build-fuzz/crash-$$target-*"; exit 1; fi; \
	done

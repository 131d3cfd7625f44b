# Two commands do everything on a fresh Debian machine with Swift:
#   make site   builds the shipped playbook into public/
#   make test   runs every test
SWIFT ?= swift
PLAYBOOK_RELEASE := .build/release/playbook

.PHONY: site test deps release clean bench bench-lint

deps:
	@./scripts/ensure-deps.sh

release: deps
	$(SWIFT) build -c release --product playbook

site: release
	$(PLAYBOOK_RELEASE) build --source . --output public

test: deps
	@./scripts/lint-deps.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@./scripts/workflow-check.sh
	@./scripts/browser-deps.sh
	PLAYBOOK_BIN=.build/debug/playbook python3 -m pytest -q -p no:cacheprovider Tests/Browser

clean:
	rm -rf .build public

# Timings against Hugo and the libcmark floor (see scripts/bench.py); output on tmpfs.
bench: release
	python3 scripts/bench.py --pages 1000,10000 --runs 5

# Time to lint 1,000 generated plans with the release binary (see scripts/bench_lint.py).
bench-lint: release
	python3 scripts/bench_lint.py --plans 1000 --runs 5

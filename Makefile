# Two commands do everything on a fresh Debian machine with Swift:
#   make site   builds the shipped playbook into public/
#   make test   runs every test
SWIFT ?= swift
PLAYBOOK_RELEASE := .build/release/playbook

.PHONY: site test deps release clean

deps:
	@./scripts/ensure-deps.sh

release: deps
	$(SWIFT) build -c release --product playbook

site: release
	$(PLAYBOOK_RELEASE) build --source . --output public

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build public

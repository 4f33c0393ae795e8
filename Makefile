# The two commands of the README's quick start, and what they need.
#   make demo   installs what is missing, builds, and lints samples/
#   make test   installs what is missing, builds, and runs the whole test suite
SHELL := /bin/bash
SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)

.PHONY: demo test build deps test-deps sdk-venv clean

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

build: deps
	$(SWIFT) build --product preflight

demo: build
	@echo "+ preflight lint samples/"
	@status=0; "$(BIN_DIR)/preflight" lint samples/ || status=$$?; \
	echo; echo "preflight lint exited with status $$status (1: some files fail — samples/fail/ holds files that are meant to)"; \
	[ $$status -le 1 ]

sdk-venv: test-deps
	@scripts/sdk-venv.sh

test: test-deps sdk-venv
	$(SWIFT) build --build-tests
	@# Everything the run writes goes below one temporary folder of its own, removed afterwards whatever the outcome.
	@run_tmp=$$(mktemp -d "$${TMPDIR:-/tmp}/preflight-test-run.XXXXXX") || exit 1; status=0; \
	echo "+ swift test --skip-build   (TMPDIR=$$run_tmp)"; \
	TMPDIR="$$run_tmp" PREFLIGHT_BIN="$(BIN_DIR)/preflight" $(SWIFT) test --skip-build || status=$$?; \
	rm -rf "$$run_tmp"; exit $$status

clean:
	rm -rf .build .venv-sdk

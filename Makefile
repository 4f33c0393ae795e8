# The two commands of the README's quick start, what they need, and installing the tool.
#   make demo      installs what is missing, builds, and lints samples/
#   make test      installs what is missing, builds, and runs the whole test suite
#   make install   builds the release binary and installs it with its man page and shell completions
#                  below $(PREFIX) (default /usr/local; DESTDIR is honoured). BIN=path installs that binary instead
#                  of building one. make uninstall removes what install put there.
SHELL := /bin/bash
SWIFT ?= swift
BIN_DIR = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)

PREFIX ?= /usr/local
DESTDIR ?=
BIN ?=
INSTALLED_BIN = $(DESTDIR)$(PREFIX)/bin/preflight
INSTALLED_MAN = $(DESTDIR)$(PREFIX)/share/man/man1/preflight.1
INSTALLED_BASH = $(DESTDIR)$(PREFIX)/share/bash-completion/completions/preflight
INSTALLED_ZSH = $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_preflight
INSTALLED_FISH = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/preflight.fish

.PHONY: demo test build deps test-deps sdk-venv tools-venv release install uninstall clean

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

tools-venv: test-deps
	@scripts/tools-venv.sh

test: test-deps sdk-venv tools-venv
	$(SWIFT) build --build-tests
	@# Everything the run writes goes below one temporary folder of its own, removed afterwards whatever the outcome.
	@run_tmp=$$(mktemp -d "$${TMPDIR:-/tmp}/preflight-test-run.XXXXXX") || exit 1; status=0; \
	echo "+ swift test --skip-build   (TMPDIR=$$run_tmp)"; \
	TMPDIR="$$run_tmp" PREFLIGHT_BIN="$(BIN_DIR)/preflight" $(SWIFT) test --skip-build || status=$$?; \
	rm -rf "$$run_tmp"; exit $$status

release: deps
	$(SWIFT) build -c release --product preflight

# The man page and completions come from the binary being installed (its command definitions), so they always match it.
install: $(if $(BIN),,release)
	@bin="$(BIN)"; [ -n "$$bin" ] || bin="$$($(SWIFT) build -c release --show-bin-path)/preflight"; \
	[ -x "$$bin" ] || { echo "install: no executable at $$bin" >&2; exit 2; }; \
	set -e; work=$$(mktemp -d); trap 'rm -rf "$$work"' EXIT; \
	"$$bin" generate-manual > "$$work/preflight.1"; \
	for shell in bash zsh fish; do "$$bin" --generate-completion-script $$shell > "$$work/$$shell"; done; \
	install -d "$(dir $(INSTALLED_BIN))" "$(dir $(INSTALLED_MAN))" "$(dir $(INSTALLED_BASH))" "$(dir $(INSTALLED_ZSH))" "$(dir $(INSTALLED_FISH))"; \
	install -m 755 "$$bin" "$(INSTALLED_BIN)"; \
	install -m 644 "$$work/preflight.1" "$(INSTALLED_MAN)"; \
	install -m 644 "$$work/bash" "$(INSTALLED_BASH)"; \
	install -m 644 "$$work/zsh" "$(INSTALLED_ZSH)"; \
	install -m 644 "$$work/fish" "$(INSTALLED_FISH)"; \
	echo "installed $(INSTALLED_BIN), its man page and bash, zsh and fish completions"

uninstall:
	rm -f "$(INSTALLED_BIN)" "$(INSTALLED_MAN)" "$(INSTALLED_BASH)" "$(INSTALLED_ZSH)" "$(INSTALLED_FISH)"

clean:
	rm -rf .build .venv-sdk .venv-tools

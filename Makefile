# The two quick-start commands: `make build` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: build test test-bare lint check bench bench-suite bench-faithfulness fuzz office-deps system-deps clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

build: $(BIN)/.installed  ## set up, then build the default products into build/
	$(BIN)/briefwright build

test: $(BIN)/.installed office-deps  ## set up, then run the test suite (renders with LibreOffice)
	$(BIN)/python -m pytest

test-bare: $(BIN)/.installed  ## the suite as on a bare machine: fonts, LibreOffice and Chromium hidden (root; .ci/bare)
	.ci/bare env -u BRIEFWRIGHT_REQUIRE_OFFICE $(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(BIN)/.installed  ## ruff and mypy, as CI runs them
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

check: $(BIN)/.installed  ## verify sources, content and every quote
	$(BIN)/briefwright check

bench: $(BIN)/.installed  ## print build timings and memory
	$(BIN)/python bench/build_bench.py
	$(BIN)/python bench/loop_bench.py
	$(BIN)/python bench/watch_bench.py

bench-suite: $(BIN)/.installed  ## what the test suite costs (CPU and wall), against the test-pyramid targets
	$(BIN)/python bench/suite_bench.py

FUZZ_SECONDS ?= 600
fuzz: $(BIN)/.installed  ## fuzz content YAML and reference packages (hypothesis) for FUZZ_SECONDS (10 minutes)
	$(BIN)/python bench/fuzz.py --seconds $(FUZZ_SECONDS)

bench-faithfulness: $(BIN)/.installed  ## print the faithfulness check's recall, false alarms and lint time
	$(BIN)/python bench/faithfulness_bench.py

OFFICE_PACKAGES := libreoffice-writer-nogui libreoffice-impress-nogui python3-uno fonts-noto-cjk fonts-liberation fonts-crosextra-carlito fonts-crosextra-caladea poppler-utils pandoc \
                   chromium chromium-driver

# The rendering tests need LibreOffice, the fonts, poppler and (for HTML) Chromium. Install them where this machine
# can (Debian, as root or with password-less sudo); otherwise say so once and carry on: the
# tests that need them are then skipped with one line (CI refuses to skip them).
office-deps:
	@if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v pandoc >/dev/null 2>&1 \
	    && command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
	    && [ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ]; then exit 0; fi; \
	if [ ! -f /etc/debian_version ]; then \
	  echo "note: not a Debian machine; install LibreOffice, Liberation and Noto CJK fonts, poppler, pandoc, Chromium and chromedriver to run the office and browser tests"; exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "note: apt-get is not on this Debian machine's PATH; install $(OFFICE_PACKAGES) with it (or run make system-deps as root) to run the office and browser tests"; exit 0; fi; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	else echo "note: cannot install LibreOffice here (not root, no password-less sudo); office tests will be skipped"; exit 0; fi; \
	echo "installing LibreOffice headless, fonts, poppler, pandoc and Chromium (Debian packages)"; \
	{ $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    $(OFFICE_PACKAGES) >/dev/null; } || echo "note: apt-get could not install the office packages (is its archive reachable?); office tests will be skipped"

system-deps:  ## Debian: LibreOffice headless, fonts, poppler, pandoc and Chromium (needs root)
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(OFFICE_PACKAGES)

clean:
	rm -rf build $(VENV) .pytest_cache

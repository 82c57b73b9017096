# The two quick-start commands: `make build` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: build test check bench system-deps clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

build: $(BIN)/.installed  ## set up, then build the default products into build/
	$(BIN)/briefwright build

test: $(BIN)/.installed  ## set up, then run the test suite (renders with LibreOffice)
	$(BIN)/python -m pytest

check: $(BIN)/.installed  ## verify sources, content and every quote
	$(BIN)/briefwright check

bench: $(BIN)/.installed  ## print build timings and memory
	$(BIN)/python bench/build_bench.py

system-deps:  ## Debian: LibreOffice headless, fonts and poppler (needs root)
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	  libreoffice-writer-nogui libreoffice-impress-nogui fonts-noto-cjk fonts-liberation poppler-utils pandoc

clean:
	rm -rf build $(VENV) .pytest_cache

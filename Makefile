# Two commands do everything on a fresh machine with Python 3.11:
#   make demo   - create .venv, install, plan the bundled park scenario, say where the output is
#   make test   - the same set-up if needed, then the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Real calendar clients and a real browser for the export tests, a real PostgreSQL for the
# ledger tests (Debian packages, needs root).
SYSTEM_PACKAGES := libical-dev pkg-config gcc chromium fonts-noto-cjk postgresql

.PHONY: demo test lint venv clean system-deps

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python venv module missing; installing python3-venv (Debian)"; \
	  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rotasched validate scenarios/*/*.yaml
	$(BIN)/rotasched plan scenarios/park/park.yaml -o out/park
	@echo
	@echo "Output: out/park (open out/park/site/index.html; calendars in out/park/ics, tables in out/park/tables)"

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v node >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) out test-output

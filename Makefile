# The two commands of the README: `make demo` and `make test`. CI runs `make test` (.ci/run).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED_SEEDS := ../shared/seeds
CORPUS ?= $(if $(wildcard $(SHARED_SEEDS)),$(SHARED_SEEDS),examples)
DB     ?= bilat.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: demo test install lint gazetteers bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip wheel
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/bilat --db $(DB) ingest $(CORPUS)
	$(BIN)/bilat --db $(DB) serve --host $(HOST) --port $(PORT)

# System packages the tests need (Debian's chromium for the browser tests), then pytest.
test: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install -y chromium'"; fi; }
	$(BIN)/ruff check src tests scripts $(wildcard benchmarks/*.py)
	$(BIN)/python -m pytest

gazetteers: $(STAMP)
	$(BIN)/python scripts/build_gazetteers.py

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) *.db *.db-wal *.db-shm .pytest_cache .ruff_cache

# The two commands of the README: `make demo` and `make test`. CI runs `make test` (.ci/run).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The web app's front-end libraries (graph, timeline, API docs), pinned in package-lock.json and served
# locally from node_modules/ (never committed; no CDN). --ignore-scripts: no install-time telemetry.
ASSETS := node_modules/.installed
LOCK   := requirements.lock
SHARED_SEEDS := ../shared/seeds
CORPUS ?= $(if $(wildcard $(SHARED_SEEDS)),$(SHARED_SEEDS),examples)
DB     ?= bilat.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: demo test install lock gazetteers train bench load load-workbench clean

# Every install comes from requirements.lock: each package pinned with its hashes (--require-hashes),
# none resolved here (--no-deps), and bilat itself built with the locked setuptools
# (--no-build-isolation). A fresh machine gets what CI tested, whatever the registry has since.
$(STAMP): $(LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $(STAMP)

$(ASSETS): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm missing: run 'sudo apt-get install -y npm' (the web app's libraries come from package-lock.json)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(ASSETS)

install: $(STAMP) $(ASSETS)

demo: $(STAMP) $(ASSETS)
	$(BIN)/bilat --db $(DB) ingest $(CORPUS)
	$(BIN)/bilat --db $(DB) serve --host $(HOST) --port $(PORT)

# System packages the tests need (Debian's chromium for the browser tests), then pytest.
test: $(STAMP) $(ASSETS)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install -y chromium'"; fi; }
	$(BIN)/ruff check src tests scripts $(wildcard benchmarks/*.py)
	$(BIN)/python -m pytest

gazetteers: $(STAMP)
	$(BIN)/python scripts/build_gazetteers.py

# Re-resolve the lock on purpose (after a change to pyproject.toml's dependencies), keeping every
# locked version that still fits; UPGRADE=1 moves everything to the newest allowed. Prints what moved.
# It needs only the locked uv, not a consistent install: a new dependency in pyproject.toml is what
# makes `pip check` fail until the lock has it.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes --no-deps -r $(LOCK)
	cp $(LOCK) $(VENV)/lock.before
	$(BIN)/uv pip compile pyproject.toml requirements/tools.in --extra test --generate-hashes \
	  --universal --python-version 3.11 --no-header --quiet $(if $(UPGRADE),--upgrade) -o $(LOCK)
	$(BIN)/python scripts/lockfile.py diff $(VENV)/lock.before $(LOCK)
	$(MAKE) install

# Rebuild the trained decisions (src/bilat/trained/) from the annotated corpora: ../shared/corpus/real,
# the seeds and the written development set, with 5-fold cross-validated scores in the record.
train: $(STAMP)
	$(BIN)/bilat train --cv 5

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

# 200 clients on `bilat serve` over mixed pages while an ingest writes (benchmarks/README.md)
load: $(STAMP)
	$(BIN)/python benchmarks/load.py

# search, dossier and fact pages of a generated 50,000-document store (benchmarks/README.md)
load-workbench: $(STAMP)
	$(BIN)/python benchmarks/workbench_load.py

clean:
	rm -rf $(VENV) node_modules *.db *.db-wal *.db-shm .pytest_cache .ruff_cache

# Monitor Desk — `make run` opens the app, `make test` runs the tests.
# Both create .venv on first use from the hash-pinned lock file.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help run test lint typecheck check bench lock clean package smoke reliability

help:  ## list the targets
	@echo "make run        open the app (ARGS='--db FILE' for another library)"
	@echo "make test       run the tests (PYTEST_ARGS='-k name' for some)"
	@echo "make lint       ruff check and format check"
	@echo "make typecheck  mypy over the whole package"
	@echo "make check      lint, typecheck and test"
	@echo "make bench      the benchmarks (JSON lines)"
	@echo "make reliability  long kill trials and a long GUI session (~8 min)"
	@echo "make package    build the packaged app into dist/"
	@echo "make smoke      test the packaged app (builds it unless dist/ is newer than the code)"
	@echo "make lock       re-pin every dependency after editing pyproject.toml"
	@echo "make clean      remove .venv, build outputs and caches"

$(STAMP): requirements-dev.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Monitor Desk needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: $(STAMP)
	@./packaging/system-deps.sh desktop
	$(BIN)/monitor-desk $(ARGS)

test: $(STAMP)
	@./packaging/system-deps.sh base
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

BENCHES := import_speed highlight_speed export_speed search_speed startup reader_paint \
           library_list memory analysis_speed date_inference_cost claim_views
bench: $(STAMP)
	@cd bench && for b in $(BENCHES); do echo "== $$b" >&2; ../$(BIN)/python $$b.py || exit 1; done

# Long kill trials (125 SIGKILLs during imports, JSON imports and tag merges; 20 SIGKILL,
# SIGTERM and Ctrl+C stops of imports with analysis workers), 4-5 min; then a long GUI
# session (3,000 article opens, 300 highlights; no reference leak), ~3 min.
reliability: $(STAMP)
	MONITOR_DESK_KILL_TRIALS=5 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s \
	  tests/e2e/test_kill.py tests/e2e/test_workers.py
	MONITOR_DESK_LONG_SESSION=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s tests/gui/test_long_session.py

# The packaged app (dist/MonitorDesk/ and its .tar.gz), built in its own venv.
package:
	./packaging/build.sh

# Build (or reuse) the package, unpack it into an empty folder and check it runs there.
smoke:
	./packaging/smoke.sh

# Re-pin every dependency (with hashes) after editing pyproject.toml.
lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 -o requirements-dev.lock
	uv pip compile pyproject.toml --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 -o requirements.lock

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache

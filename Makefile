# mlpath: `make run` runs the main job, `make test` the tests. Both create .venv from the lock file.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
REPLAY ?=
SOURCES ?=
# AUDIT=required: `make test` stops when pip-audit fails (a known vulnerability, or no access to the
# vulnerability service); by default it says so in one loud line and the tests go on.
AUDIT ?=

.PHONY: run test audit bench lock clean

$(INSTALLED): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

run: $(INSTALLED)
	$(BIN)/mlpath run $(if $(REPLAY),--replay $(REPLAY)) $(foreach source,$(SOURCES),--source $(source))

# `alembic check` on a fresh SQLite database: the migrations must build exactly the models' schema.
test: $(INSTALLED)
	$(BIN)/ruff check .
	$(MAKE) --no-print-directory audit
	rm -rf .alembic-check && mkdir .alembic-check
	MLPATH_DATABASE_URL=sqlite:///.alembic-check/check.db $(BIN)/alembic upgrade head
	MLPATH_DATABASE_URL=sqlite:///.alembic-check/check.db $(BIN)/alembic check
	rm -rf .alembic-check
	$(BIN)/python -m pytest

# Known vulnerabilities in the locked dependencies (pip-audit asks pypi.org: it needs the network).
audit: $(INSTALLED)
	@$(BIN)/pip-audit --strict -r requirements.lock --disable-pip --progress-spinner off \
	|| { echo "pip-audit FAILED: a known vulnerability, or pypi.org unreachable so NOTHING WAS AUDITED (see above)" >&2; \
	     test "$(AUDIT)" != required; }

bench: $(INSTALLED)
	$(BIN)/python benchmarks/run_all.py

# Re-pin every dependency after editing pyproject.toml (needs uv: `pip install uv`).
lock:
	uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes --no-header -o requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

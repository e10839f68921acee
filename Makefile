# mlpath: `make run` runs the main job, `make test` the tests. Both create .venv from the lock file.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
REPLAY ?=
SOURCES ?=

.PHONY: run test bench lock clean

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
	rm -rf .alembic-check && mkdir .alembic-check
	MLPATH_DATABASE_URL=sqlite:///.alembic-check/check.db $(BIN)/alembic upgrade head
	MLPATH_DATABASE_URL=sqlite:///.alembic-check/check.db $(BIN)/alembic check
	rm -rf .alembic-check
	$(BIN)/python -m pytest

bench: $(INSTALLED)
	$(BIN)/python benchmarks/cold_start.py

# Re-pin every dependency after editing pyproject.toml (needs uv: `pip install uv`).
lock:
	uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes --no-header -o requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

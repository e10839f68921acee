"""A migrated catalogue (with its search index) of real-shaped programs, and ways to run the CLI on it."""

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from pipeline.store.migrate import upgrade_to_head
from tests.models.sample_catalogue import REAL_SHAPED, build_database, program, twin_courses

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE = program(
    id=200, title=HOSTILE_TITLE, provider="<b>Evil</b> & Co", kind="certification", credential="course",
    delivery="online", pacing="self_paced", cost_usd=10.0, cost_model="one_time", total_hours=5,
    url="javascript:alert(2)", description="Deep learning with a hostile title.", sources=["udemy-catalog"],
)  # fmt: skip
MLPATH = Path(sys.executable).with_name("mlpath")


@pytest.fixture
def home(tmp_path):
    """MLPATH_HOME holding a catalogue built by the migrations (so with the FTS5 index and its triggers)."""
    database = tmp_path / "mlpath.db"
    upgrade_to_head(f"sqlite:///{database}")
    build_database(database, REAL_SHAPED + twin_courses() + [HOSTILE]).dispose()
    return tmp_path


def environment(home: Path) -> dict[str, str]:
    return {"MLPATH_HOME": str(home), "MLPATH_DATABASE_URL": f"sqlite:///{home / 'mlpath.db'}", "COLUMNS": "100"}


def invoke(home: Path, *args: str):
    return CliRunner().invoke(app, list(args), env=environment(home))


def run_console_script(home: Path, *args: str | bytes) -> subprocess.CompletedProcess:
    """The installed `mlpath` in a subprocess: what a person's shell runs."""
    env = {"PATH": "/usr/bin:/bin", **environment(home)}
    return subprocess.run([str(MLPATH), *args], capture_output=True, env=env, timeout=120, check=False)


def checksum(database: Path) -> str:
    """Every row of every table (the search index's too), as SQL: equal when nothing changed."""
    connection = sqlite3.connect(database)
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()

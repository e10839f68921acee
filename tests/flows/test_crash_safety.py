"""Crash safety: `mlpath run` killed with SIGKILL while crawling, while storing and while training, then
run again, ends with the same catalogue as a clean run: no duplicates, nothing half-written, no crawl
run left "running", no concurrency slot held by the dead run for good.

The kill point is found by watching the run from outside (its staging folder, its database), never by
a hook in the code under test; the whole process group (mlpath, its spiders) is killed at once.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.persistence import load_model
from tests.services import prefect_environment, prefect_server

MLPATH = str(Path(sys.executable).with_name("mlpath"))
SOURCES = ("ds-colleges", "mastersportal")
RUN_DEADLINE_SECONDS = 240
CATALOG_COLUMNS = ("title, provider, kind, credential, delivery, pacing, level, language, country, cost_usd, "
                   "cost_model, duration_weeks, effort_hours_per_week, total_hours, rating, rating_count, url, "
                   "url_kind, active, source_count, captured")


@pytest.fixture(scope="module")
def api_url(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        # A dead run's slot comes back one lease (MLPATH_SLOT_LEASE_SECONDS, 60) after its last renewal,
        # at the repossessor's next pass.
        patch.setenv("PREFECT_SERVER_SERVICES_REPOSSESSOR_LOOP_SECONDS", "1")
        with prefect_server(tmp_path_factory.mktemp("prefect-server")) as url:
            yield url


def environment(home: Path, api_url: str) -> dict[str, str]:
    (home / "prefect").mkdir(parents=True, exist_ok=True)
    values = {**prefect_environment(home / "prefect", api_url), "MLPATH_HOME": str(home)}
    values.pop("PREFECT_API_DATABASE_CONNECTION_URL")
    values.pop("MLPATH_DATABASE_URL", None)
    return values


def command(archive: Path) -> list[str]:
    return [MLPATH, "run", "--replay", str(archive), *(f"--source={source}" for source in SOURCES)]


def run_to_the_end(home: Path, api_url: str, archive: Path) -> subprocess.CompletedProcess:
    done = subprocess.run(command(archive), env=environment(home, api_url), capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=RUN_DEADLINE_SECONDS)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return done


def query(home: Path, sql: str) -> list[tuple]:
    """Read the run's database without creating it (read-only); an absent database or table reads as []."""
    try:
        with sqlite3.connect(f"file:{home / 'mlpath.db'}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute(sql).fetchall()
    except sqlite3.OperationalError:
        return []


def catalogue(home: Path) -> dict:
    """What a run leaves: the catalogue's programs (without when they were seen), each source record with
    its program's key, and counts."""
    return {
        "programs": sorted(query(home, f"SELECT {CATALOG_COLUMNS} FROM program_catalog"), key=repr),
        "records": sorted(query(home, "SELECT r.source, r.source_id, p.dedupe_key FROM source_records r "
                                      "JOIN programs p ON p.id = r.program_id")),
        "source_records": query(home, "SELECT COUNT(*) FROM source_records")[0][0],
        "duplicate_keys": query(home, "SELECT COUNT(*) - COUNT(DISTINCT dedupe_key) FROM programs")[0][0],
    }


def crawling(home: Path) -> bool:
    return any((home / "staging").glob("*/*.log"))  # a spider has started writing its log


def storing(home: Path) -> bool:
    return bool(query(home, "SELECT 1 FROM source_records LIMIT 1"))  # the first feed's store committed


def training(home: Path) -> bool:
    # Every crawl run closed (each feed stored): what remains is training the ranker.
    statuses = [status for (status,) in query(home, "SELECT status FROM crawl_runs")]
    return len(statuses) == len(SOURCES) and "running" not in statuses


def kill_when(phase, home: Path, api_url: str, archive: Path) -> None:
    process = subprocess.Popen(command(archive), env=environment(home, api_url), stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + RUN_DEADLINE_SECONDS
        while not phase(home):
            assert process.poll() is None, f"the run ended (exit {process.returncode}) before {phase.__name__}"
            assert time.monotonic() < deadline, f"no {phase.__name__} after {RUN_DEADLINE_SECONDS} s"
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def clean_catalogue(api_url, small_archive, tmp_path_factory):
    home = tmp_path_factory.mktemp("clean")
    run_to_the_end(home, api_url, small_archive)
    return catalogue(home)


def test_a_clean_run_stores_both_sources_once(clean_catalogue):
    assert clean_catalogue["duplicate_keys"] == 0
    assert {source for source, _id, _key in clean_catalogue["records"]} == set(SOURCES)
    assert clean_catalogue["source_records"] == len(clean_catalogue["records"]) >= 50
    assert len(clean_catalogue["programs"]) >= 50


@pytest.mark.parametrize("phase", [crawling, storing, training], ids=lambda phase: phase.__name__)
def test_a_run_killed_then_run_again_ends_as_a_clean_run(phase, api_url, small_archive, clean_catalogue, tmp_path):
    kill_when(phase, tmp_path, api_url, small_archive)
    model_at_kill = (tmp_path / "models").exists() and load_model(tmp_path / "models")
    left_running = query(tmp_path, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'running'")[0][0]

    run_to_the_end(tmp_path, api_url, small_archive)

    assert catalogue(tmp_path) == clean_catalogue
    closed = query(tmp_path, "SELECT status, message FROM crawl_runs WHERE status != 'ok'")
    assert closed == [("failed", "interrupted")] * left_running
    assert query(tmp_path, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'running'") == [(0,)]
    assert load_model(tmp_path / "models") is not None
    assert sorted(path.name for path in (tmp_path / "models").iterdir()) == ["ranker.json", "ranker.skops"]
    if phase is training:
        assert not model_at_kill  # killed before the model was saved: the rerun trained it
    if phase is crawling:
        assert left_running == len(SOURCES)


"""Crash safety: `mlpath run` killed with SIGKILL while crawling, while storing and while training, then
run again, ends with the same catalogue as a clean run: no duplicates, nothing half-written, no crawl
run left "running", no concurrency slot held by the dead run for good.

The kill point is found by watching the run from outside (its staging folder; the Prefect server, where
it holds the catalogue's writer slot while it stores and the trainer slot while it trains), never by a
hook in the code under test; the whole process group (mlpath, its spiders) is killed at once. A killed
run holds its slot until its lease runs out (60 s): the reruns wait for it, once.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from flows.limits import TRAINER, WRITER
from models.index import CHARS_FILE, INDEX_FILE, MATCHER_ARRAYS_FILE, MATCHER_FILE, TITLES_FILE, WORDS_FILE
from models.persistence import METADATA_FILE, MODEL_FILE, load_model
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


def crawling(home: Path, api: httpx.Client) -> bool:
    return any((home / "staging").glob("*/*.log"))  # a spider has started writing its log


def storing(home: Path, api: httpx.Client) -> bool:
    # A crawl has ended (its report is written) and the run holds the catalogue's only writer slot.
    return any((home / "staging").glob("*/*.report.json")) and holds(api, WRITER)


def training(home: Path, api: httpx.Client) -> bool:
    return holds(api, TRAINER)


def holds(api: httpx.Client, limit: str) -> bool:
    return api.get(f"/v2/concurrency_limits/{limit}").json().get("active_slots") == 1


def kill_when(phase, home: Path, api_url: str, archive: Path) -> None:
    with httpx.Client(base_url=api_url, timeout=30) as api:
        kill_once(environment(home, api_url), archive, lambda: phase(home, api), phase.__name__)


def kill_once(run_environment: dict[str, str], archive: Path, ready, what: str) -> None:
    """Start a run and kill its whole process group with SIGKILL as soon as `ready()` is true."""
    process = subprocess.Popen(command(archive), env=run_environment, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + RUN_DEADLINE_SECONDS
        while not ready():
            assert process.poll() is None, f"the run ended (exit {process.returncode}) before {what}"
            assert time.monotonic() < deadline, f"no {what} after {RUN_DEADLINE_SECONDS} s"
            time.sleep(0.05)
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


@pytest.fixture(scope="module")
def rerun_after_kill(api_url, small_archive, tmp_path_factory):
    """Each phase's home after a run killed in it and a run to the end, with what the kill left: the
    crawl runs left running, and whether a model was saved. All kills come first, so the reruns wait
    out the dead runs' slot leases together (a run killed while storing holds the writer slot, which
    the next run would wait for before it could train)."""
    homes, left = {}, {}
    for phase in (crawling, training, storing):
        home = homes[phase.__name__] = tmp_path_factory.mktemp(phase.__name__)
        kill_when(phase, home, api_url, small_archive)
        running = query(home, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'running'")[0][0]
        left[phase.__name__] = (running, (home / "models" / "ranker-model.json").exists())
    for home in homes.values():
        run_to_the_end(home, api_url, small_archive)
    return {name: (homes[name], *left[name]) for name in homes}


MODEL_FILES = (MODEL_FILE, METADATA_FILE, INDEX_FILE, WORDS_FILE, CHARS_FILE, TITLES_FILE, MATCHER_FILE,
               MATCHER_ARRAYS_FILE)


@pytest.mark.parametrize("phase", ["crawling", "storing", "training"])
def test_a_run_killed_then_run_again_ends_as_a_clean_run(phase, rerun_after_kill, clean_catalogue):
    home, left_running, model_at_kill = rerun_after_kill[phase]
    assert catalogue(home) == clean_catalogue
    closed = query(home, "SELECT status, message FROM crawl_runs WHERE status != 'ok'")
    assert closed == [("failed", "interrupted")] * left_running
    assert query(home, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'running'") == [(0,)]
    assert load_model(home / "models") is not None
    # the model and the catalogue's arrays beside it, each whole: no temporary or partial file left
    assert sorted(path.name for path in (home / "models").iterdir()) == sorted(MODEL_FILES)
    if phase == "crawling":
        assert left_running == len(SOURCES)
    if phase == "training":
        assert left_running == 0 and not model_at_kill  # every feed stored, no model saved yet


def test_on_a_temporary_server_a_killed_runs_slot_does_not_keep_the_next_run_waiting(small_archive, tmp_path):
    """A temporary server keeps slot leases in memory and dies with the run: the slot stays taken in
    its database, with no lease left to expire. The next run on that PREFECT_HOME must free it."""
    home = tmp_path / "home"
    (home / "prefect").mkdir(parents=True)
    environment = {**prefect_environment(home / "prefect"), "MLPATH_HOME": str(home)}
    environment.pop("MLPATH_DATABASE_URL", None)
    kill_once(environment, small_archive, lambda: trainer_slot_taken(home / "prefect"), "training")
    assert trainer_slot_taken(home / "prefect")  # what the dead run left behind

    done = subprocess.run(command(small_archive), env=environment, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=RUN_DEADLINE_SECONDS)
    assert done.returncode == 0, done.stderr[-3000:]
    assert load_model(home / "models") is not None
    assert not trainer_slot_taken(home / "prefect")


def trainer_slot_taken(prefect_home: Path) -> bool:
    """Read from the temporary server's own database (read-only), as nothing else outlives it."""
    try:
        with sqlite3.connect(f"file:{prefect_home / 'prefect.db'}?mode=ro", uri=True, timeout=5) as connection:
            found = connection.execute("SELECT active_slots FROM concurrency_limit_v2 WHERE name = ?",
                                       (TRAINER,)).fetchall()
    except sqlite3.OperationalError:  # not created yet
        return False
    return found == [(1,)]

"""End to end: `mlpath run --replay` the real archive into a fresh database, then recommend from it."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawlers.registry import SOURCES
from tests.conftest import corpus_path
from tests.warc import write_capture

MLPATH = str(Path(sys.executable).with_name("mlpath"))
RUN_TIMEOUT_SECONDS = 15 * 60


def mlpath(home: Path, *args: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "MLPATH_HOME": str(home), "PREFECT_HOME": str(home / "prefect")}
    environment.pop("MLPATH_DATABASE_URL", None)
    return subprocess.run([MLPATH, *args], env=environment, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=RUN_TIMEOUT_SECONDS)


@pytest.fixture(scope="module")
def replayed(tmp_path_factory):
    """Two runs of the same archive into one fresh home: the second must change no counts."""
    home = tmp_path_factory.mktemp("home")
    archive = str(corpus_path("archive/catalog.warc.gz"))
    first = mlpath(home, "run", "--replay", archive)
    assert first.returncode == 0, first.stderr[-3000:]
    first_counts = table_counts(home)
    second = mlpath(home, "run", "--replay", archive)
    assert second.returncode == 0, second.stderr[-3000:]
    return home, first, second, first_counts


def query(home: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(home / "mlpath.db") as connection:
        return connection.execute(sql).fetchall()


def table_counts(home: Path) -> dict[str, int]:
    tables = ("program_catalog", "source_records")
    return {table: query(home, f"SELECT COUNT(*) FROM {table}")[0][0] for table in tables}


def test_run_prints_no_traceback_and_no_error(replayed):
    _home, first, second, _counts = replayed
    for run in (first, second):
        assert "Traceback" not in run.stderr and "ERROR" not in run.stderr, run.stderr[-3000:]
        assert "Traceback" not in run.stdout


def test_progress_on_stderr_names_each_source_as_it_is_crawled_and_stored(replayed):
    _home, first, _second, _counts = replayed
    enabled = [name for name, source in SOURCES.items() if source.enabled]
    for name in enabled:
        assert f"crawled {name}\n" in first.stderr and f"stored {name}: " in first.stderr, name
    steps = 2 * len(enabled)
    assert f"crawl and store: {steps}/{steps} " in first.stderr
    assert "crawl and store" not in first.stdout


def test_catalogue_holds_both_kinds_from_five_sources(replayed):
    home, *_ = replayed
    kinds = dict(query(home, "SELECT kind, COUNT(*) FROM program_catalog GROUP BY kind"))
    assert sum(kinds.values()) >= 800, kinds
    assert kinds.get("certification", 0) >= 300, kinds
    assert kinds.get("degree", 0) >= 300, kinds
    sources = query(home, "SELECT DISTINCT source FROM crawl_runs WHERE status = 'ok' AND stored > 0")
    assert len(sources) >= 5, sources


def test_every_yielded_item_is_stored_or_rejected(replayed):
    home, *_ = replayed
    runs = query(home, "SELECT source, items, stored, rejected FROM crawl_runs WHERE status = 'ok'")
    assert runs
    for source, items, stored, rejected in runs:
        assert items > 0 or source == "schemaorg", source  # schemaorg: every archived URL is another's
        assert stored + rejected == items, (source, items, stored, rejected)


def test_rejections_say_why(replayed):
    home, *_ = replayed
    reasons = query(home, "SELECT DISTINCT reason FROM rejected_items")
    assert reasons
    assert all(reason and reason.strip() for (reason,) in reasons)


def test_second_run_is_idempotent(replayed):
    home, _first, _second, first_counts = replayed
    assert table_counts(home) == first_counts
    assert query(home, "SELECT COUNT(DISTINCT run_id) FROM crawl_runs")[0][0] == 2


def test_recommend_from_the_replayed_catalogue(replayed):
    home, *_ = replayed
    result = mlpath(home, "recommend", "--goal", "industry", "--budget", "1000", "--hours-per-week", "8",
                    "--months", "6", "--interests", "deep learning", "-k", "10", "--output", "json")
    assert result.returncode == 0, result.stderr[-2000:]
    answer = json.loads(result.stdout)
    assert set(answer) == {"profile", "candidates", "relaxed", "verdict", "model", "results"}
    assert len(answer["results"]) == 10
    assert [entry["rank"] for entry in answer["results"]] == list(range(1, 11))
    for entry in answer["results"]:
        unknown_cost = entry["cost_usd"] is None and any(r.startswith("cost not known") for r in entry["reasons"])
        within = entry["cost_usd"] is not None and entry["cost_usd"] <= 1000
        assert within or unknown_cost or "budget" in " ".join(answer["relaxed"]), entry["title"]
        assert entry["reasons"] and entry["sources"]
    assert answer["verdict"]["path"] in {"certification", "degree", "both"}


def test_run_with_a_missing_archive_is_bad_input(tmp_path):
    result = mlpath(tmp_path, "run", "--replay", str(tmp_path / "nowhere.warc.gz"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "nowhere.warc.gz" in result.stderr


def test_run_with_an_unknown_source_is_bad_input(tmp_path):
    result = mlpath(tmp_path, "run", "--source", "geocities")
    assert result.returncode == 2
    assert "geocities" in result.stderr and result.stderr.strip().count("\n") == 0


def test_a_feed_that_changed_shape_is_counted_not_silent(tmp_path):
    """A source whose feed no longer has its columns stores nothing, and its crawl run says why."""
    FEED_URL = SOURCES["ds-colleges"].feeds[0]

    archive = tmp_path / "changed.warc.gz"
    write_capture(archive, FEED_URL, b"<html><body>We moved! See our new site.</body></html>",
                  [("Content-Type", "text/html")], "2026-11-01T00:00:00Z")
    (tmp_path / "home").mkdir()
    result = mlpath(tmp_path / "home", "run", "--source", "ds-colleges", "--replay", str(archive))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr, result.stderr[-3000:]
    assert [line for line in result.stderr.splitlines() if "WARNING" in line] == [
        line for line in result.stderr.splitlines() if "the ranker was not trained: the catalogue is empty" in line]
    assert "the ranker was not trained: the catalogue is empty" in result.stderr
    [(items, stored, errors, dropped)] = query(
        tmp_path / "home", "SELECT items, stored, errors, dropped FROM crawl_runs WHERE source = 'ds-colleges'")
    assert (items, stored) == (0, 0)
    assert errors >= 1
    assert json.loads(dropped) == {"unexpected_columns": 1}


def test_db_stats_counts_the_replayed_catalogue(replayed):
    home, *_ = replayed
    result = mlpath(home, "db", "stats")
    assert result.returncode == 0, result.stderr[-2000:]
    [(masters,)] = query(home, "SELECT COUNT(*) FROM programs WHERE credential = 'master'")
    assert "master" in result.stdout and str(masters) in result.stdout

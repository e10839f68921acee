"""`mlpath sources`: every source of the registry with its last run and health, from crawl_runs."""

import json
from datetime import datetime

import pytest
from typer.testing import CliRunner

from cli.main import app
from crawlers.registry import SOURCES
from pipeline.store.db import make_engine, writer_session
from pipeline.store.schema import CrawlRun

FULL = {"title": 1.0, "provider": 0.9, "link": 1.0, "cost": 0.8, "duration": 0.6, "level": 0.5}


def run(source, day, status="ok", items=100, coverage=FULL, message=None):
    when = datetime(2026, 11, day, 3, 0)
    return CrawlRun(run_id=f"run-{day}", source=source, started=when, finished=when, status=status,
                    pages=1, items=items, stored=items, rejected=0, errors=int(status == "failed"), dropped={},
                    coverage=coverage, message=message)


@pytest.fixture
def home(tmp_path):
    env = {"MLPATH_HOME": str(tmp_path)}
    assert CliRunner().invoke(app, ["db", "upgrade"], env=env).exit_code == 0
    with writer_session(make_engine(f"sqlite:///{tmp_path / 'mlpath.db'}")) as session:
        session.add_all([
            run("coursera", 1), run("coursera", 8),  # healthy: the same figures twice
            run("classcentral", 1, items=154), run("classcentral", 8, items=77),  # items fell by half
            run("edx-catalog", 1), run("edx-catalog", 8, coverage=FULL | {"cost": 0.3}),  # cost coverage fell
            run("udemy-catalog", 1), run("udemy-catalog", 8, status="failed", items=0, coverage={},
                                         message="feed unreadable"),
            run("ds-colleges", 1, items=600), run("ds-colleges", 4, status="failed", items=0, coverage={}),
            run("ds-colleges", 8, items=310),  # compared with its previous successful run, not the failure
        ])
    return env


def test_json_lists_every_source_with_its_health_and_exits_1_when_any_is_flagged(home):
    result = CliRunner().invoke(app, ["sources", "--output", "json"], env=home)

    assert result.exit_code == 1
    listed = {entry["name"]: entry for entry in json.loads(result.stdout)}
    assert sorted(listed) == sorted(SOURCES)
    assert set(listed["coursera"]) == {"name", "status", "last_run", "items", "coverage", "health"}
    assert (listed["coursera"]["status"], listed["coursera"]["health"]) == ("ok", "ok")
    assert listed["coursera"]["coverage"] == FULL and listed["coursera"]["last_run"] == "2026-11-08T03:00:00"
    assert listed["classcentral"]["health"] == "items fell from 154 to 77"
    assert listed["edx-catalog"]["health"] == "cost coverage fell from 80% to 30%"
    assert listed["udemy-catalog"]["status"] == "failed"
    assert listed["udemy-catalog"]["health"] == "last run failed: feed unreadable"
    assert listed["ds-colleges"]["health"] == "ok"  # 310 is more than half of 600
    assert (listed["scorecard"]["status"], listed["scorecard"]["last_run"], listed["scorecard"]["items"]) == (
        "never run", None, None
    )


def test_the_table_names_each_source_and_a_healthy_catalogue_exits_0(tmp_path):
    env = {"MLPATH_HOME": str(tmp_path)}
    assert CliRunner().invoke(app, ["db", "upgrade"], env=env).exit_code == 0
    with writer_session(make_engine(f"sqlite:///{tmp_path / 'mlpath.db'}")) as session:
        session.add_all([run("coursera", 1), run("coursera", 8, items=60)])

    result = CliRunner().invoke(app, ["sources"], env=env, terminal_width=200)

    assert result.exit_code == 0
    assert "coursera" in result.stdout and "never run" in result.stdout and "schemaorg" in result.stdout


def test_before_any_migration_it_says_what_to_do(tmp_path):
    result = CliRunner().invoke(app, ["sources"], env={"MLPATH_HOME": str(tmp_path)})
    assert result.exit_code == 1
    assert "run `mlpath run`" in result.output

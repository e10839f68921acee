import json

from typer.testing import CliRunner

from cli.main import app
from crawlers.registry import MONTHLY, SOURCES, WEEKLY


def schedule(*args: str, **env: str):
    return CliRunner().invoke(app, ["schedule", *args], env={"MLPATH_CADENCE": None, "PREFECT_API_URL": None, **env})


def test_list_has_one_deployment_per_source_on_its_cadence():
    result = schedule("list", "--output", "json")
    assert result.exit_code == 0, result.output
    listed = {entry["source"]: entry for entry in json.loads(result.stdout)}
    assert len(listed) == 13
    assert listed["coursera"] == {"name": "crawl-coursera", "source": "coursera", "cron": WEEKLY, "enabled": True}
    assert listed["mastersportal"]["cron"] == MONTHLY
    assert {source: entry["enabled"] for source, entry in listed.items()} == {
        name: declared.enabled for name, declared in SOURCES.items()
    }  # a source switched off in the registry is listed, and says so


def test_configuration_overrides_one_cadence():
    result = schedule("list", "--output", "json", MLPATH_CADENCE='{"coursera": "30 6 * * *"}')
    assert result.exit_code == 0, result.output
    crons = {entry["source"]: entry["cron"] for entry in json.loads(result.stdout)}
    assert crons["coursera"] == "30 6 * * *"
    assert crons["classcentral"] == WEEKLY


def test_list_as_a_table_names_every_deployment():
    result = schedule("list")
    assert result.exit_code == 0
    assert "crawl-ds-colleges" in result.stdout and "0 4 1 * *" in result.stdout


def test_a_bad_cron_is_one_line_naming_it():
    result = schedule("list", MLPATH_CADENCE='{"coursera": "every monday"}')
    assert result.exit_code == 2
    assert result.stderr == "error: cron of coursera: 'every monday' is not a valid cron expression\n"


def test_an_unknown_source_in_the_configuration_is_bad_input():
    result = schedule("list", MLPATH_CADENCE='{"geocities": "0 1 * * *"}')
    assert result.exit_code == 2
    assert "geocities" in result.stderr and result.stderr.count("\n") == 1


def test_serve_without_a_server_says_how_to_start_one():
    result = schedule("serve")
    assert result.exit_code == 2
    assert "PREFECT_API_URL" in result.stderr and "prefect server start" in result.stderr

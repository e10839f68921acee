import csv
import io
import json

import pytest
from typer.testing import CliRunner

from cli.main import app
from models.recommend import RESULT_KEYS
from tests.models.sample_catalogue import REAL_SHAPED, build_database, twin_courses

EMPTY_MESSAGE = "no programs in the catalogue: run `mlpath run` first\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def home(tmp_path):
    """MLPATH_HOME with a catalogue; no saved model, so one is fitted on the fly."""
    build_database(tmp_path / "mlpath.db", REAL_SHAPED + twin_courses()).dispose()
    return tmp_path


def invoke(runner, home, *args):
    env = {"MLPATH_HOME": str(home), "MLPATH_DATABASE_URL": f"sqlite:///{home / 'mlpath.db'}"}
    return runner.invoke(app, ["recommend", *args], env=env)


def test_json_output_is_only_json_with_k_results(runner, home):
    result = invoke(runner, home, "--budget", "1000", "--months", "6", "--hours-per-week", "8",
                    "--interests", "deep learning", "-k", "3", "--output", "json")  # fmt: skip

    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)
    assert len(answer["results"]) == 3
    assert answer["profile"]["budget"] == 1000 and answer["profile"]["hours_per_week"] == 8
    assert answer["results"][0]["title"] == "Deep Learning Specialization"


def test_every_contract_flag_reaches_the_profile(runner, home):
    result = invoke(runner, home, "--goal", "research", "--budget", "30000", "--hours-per-week", "20",
                    "--months", "48", "--delivery", "online", "--self-paced", "--level", "advanced", "--has-degree",
                    "--interests", "statistics", "--country", "us", "--language", "en", "--residence", "us-ca",
                    "-k", "2",
                    "--output", "json")  # fmt: skip

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["profile"] == {
        "goal": "research", "budget": 30000.0, "hours_per_week": 20.0, "months": 48.0, "delivery": "online",
        "self_paced": True, "level": "advanced", "has_degree": True, "interests": "statistics", "country": "US",
        "language": "en", "residence": "US-CA",
    }  # fmt: skip


def test_a_toml_profile_is_read_and_flags_override_it(runner, home, tmp_path):
    profile = tmp_path / "me.toml"
    profile.write_text('goal = "upskill"\nbudget = 200\nhours-per-week = 6\nhas-degree = false\n')

    result = invoke(runner, home, "--profile", str(profile), "--budget", "400", "--output", "json")

    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)["profile"]
    chosen = (answer["goal"], answer["budget"], answer["hours_per_week"], answer["has_degree"])
    assert chosen == ("upskill", 400, 6, False)


def test_csv_output_has_the_result_columns(runner, home):
    result = invoke(runner, home, "-k", "4", "--output", "csv")

    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == list(RESULT_KEYS)
    assert len(rows) == 5 and [row[0] for row in rows[1:]] == ["1", "2", "3", "4"]


def test_table_output_shows_the_verdict_and_the_reasons(runner, home):
    result = invoke(runner, home, "--budget", "1000", "--interests", "deep learning", "-k", "2")

    assert result.exit_code == 0, result.stderr
    assert "Verdict: certification" in result.stdout
    assert "within your $1,000 budget" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--budget", "-5"], "error: --budget must be >= 0, got -5"),
        (["--goal", "astronaut"],
         "error: --goal must be one of industry|career-switch|upskill|research|academia, got astronaut"),
        (["-k", "0"], "error: -k must be >= 1, got 0"),
        (["-k", "ten"], "error: -k must be a whole number >= 1, got ten"),
        (["--output", "xml"], "error: --output must be one of table|json|csv, got xml"),
        (["--delivery", "carrier-pigeon"],
         "error: --delivery must be one of online|on-campus|hybrid|any, got carrier-pigeon"),
        (["--hours-per-week", "lots"], "error: --hours-per-week must be a number, got lots"),
        (["--hours-per-week", "169"], "error: --hours-per-week must be <= 168, got 169"),
        (["--level", "guru"], "error: --level must be one of beginner|intermediate|advanced, got guru"),
        (["--country", "XX"], "error: --country must be an ISO 3166-1 alpha-2 country code such as US, GB, DE, got XX"),
        (["--residence", "US-ZZ"],
         "error: --residence must be an ISO 3166-1 alpha-2 country code such as DE, or US-XX for a US state, "
         "got US-ZZ"),
    ],
)
def test_bad_input_is_one_line_naming_the_value_and_exit_2(runner, home, args, message):
    result = invoke(runner, home, "--output", "json", *args)  # the flag under test comes last, and wins

    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert result.stdout == ""


def test_an_unreadable_profile_is_bad_input(runner, home, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("goal = [unclosed\n")

    result = invoke(runner, home, "--profile", str(broken))

    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: --profile {broken}: not valid TOML")
    assert result.stderr.count("\n") == 1


def test_an_empty_catalogue_exits_1_with_the_message(runner, tmp_path):
    build_database(tmp_path / "mlpath.db", []).dispose()

    result = invoke(runner, tmp_path, "--output", "json")

    assert result.exit_code == 1
    assert result.stderr == EMPTY_MESSAGE and result.stdout == ""


def test_a_database_never_created_counts_as_empty(runner, tmp_path):
    result = invoke(runner, tmp_path / "fresh-home")

    assert result.exit_code == 1
    assert result.stderr == EMPTY_MESSAGE


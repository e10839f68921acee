import json

import pytest
from sqlalchemy import delete, update

from pipeline.store.db import make_engine, writer_session
from pipeline.store.schema import Program
from tests.cli.conftest import checksum, invoke
from tests.models.sample_catalogue import REAL_SHAPED, build_database


def search_json(home, *args):
    result = invoke(home, "search", *args, "--output", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def titles(answer) -> list[str]:
    return [row["title"] for row in answer["results"]]


def test_results_are_ranked_by_relevance_title_first(home):
    answer = search_json(home, "deep", "learning")

    assert set(titles(answer)[:2]) == {"Deep Learning Specialization", "Deep Learning with PyTorch"}
    assert "Project Management Essentials" not in titles(answer)
    scores = [row["score"] for row in answer["results"]]
    assert scores == sorted(scores, reverse=True)


def test_provider_skills_and_description_are_searched(home):
    assert "Machine Learning A-Z: AI, Python & R" in titles(search_json(home, "udemy", "regression"))
    assert titles(search_json(home, "scrum")) == ["Project Management Essentials"]
    assert titles(search_json(home, "tableau")) == ["Google Data Analytics Professional Certificate"]


def test_filters_narrow_and_facets_count_the_matches(home):
    everything = search_json(home, "data")
    degrees = search_json(home, "data", "--kind", "degree", "--country", "us")

    assert everything["facets"]["kind"] == {"certification": 3, "degree": 3}
    assert {row["kind"] for row in degrees["results"]} == {"degree"}
    assert {row["country"] for row in degrees["results"]} == {"US"}
    assert degrees["total"] == 2 and degrees["facets"]["credential"] == {"bachelor": 1, "master": 1}
    cheap = search_json(home, "python", "--budget", "60")
    assert titles(cheap) == ["Python for Data Science"] and cheap["results"][0]["cost_usd"] == 39.0


def test_the_index_follows_inserts_updates_and_deletes(home):
    engine = make_engine(f"sqlite:///{home / 'mlpath.db'}")
    with writer_session(engine) as session:
        session.execute(update(Program).where(Program.id == 101).values(title="Quantum Knitting"))
        session.execute(delete(Program).where(Program.id == 100))
    engine.dispose()

    assert titles(search_json(home, "knitting")) == ["Quantum Knitting"]
    assert titles(search_json(home, "project", "management")) == ["Quantum Knitting"]  # by its skills
    assert search_json(home, "pytorch")["total"] == 0


def test_table_output_fits_the_terminal_and_shows_facets(home):
    result = invoke(home, "search", "data")

    assert result.exit_code == 0, result.stderr
    assert "6 programs match" in result.stdout and "kind: certification 3, degree 3" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_csv_output_is_the_result_rows(home):
    result = invoke(home, "search", "python", "--output", "csv", "-k", "2")

    lines = result.stdout.splitlines()
    assert lines[0].startswith("program_id,title,provider,kind,credential,cost_usd")
    assert len(lines) == 3


@pytest.mark.parametrize(
    "text",
    ['"', "*", "NEAR", "-", "'; DROP TABLE programs; --", "deep\x00learning", "a" * 10_000, "deep " * 3000,
     "learning \udcff\udcfe", "title:deep OR provider:*", "NEAR(deep learning, 2)", ")(", "^deep"],
)  # fmt: skip
def test_hostile_text_searches_as_words_and_changes_nothing(home, text):
    before = checksum(home / "mlpath.db")

    result = invoke(home, "search", text, "--output", "json")

    assert result.exit_code == 0, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    json.loads(result.stdout)
    assert checksum(home / "mlpath.db") == before


def test_operator_words_are_plain_words(home):
    assert search_json(home, "NEAR")["total"] == 0
    result = invoke(home, "search", "--output", "json", "--", "-deep")  # after --, a leading dash is text
    assert "Deep Learning Specialization" in titles(json.loads(result.stdout))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "diploma"], "error: --kind must be one of certification|degree, got diploma"),
        (["--credential", "phd"], "error: --credential must be one of associate|bachelor|bootcamp|course|doctorate|"
                                  "graduate_certificate|master|professional_certificate|specialization, got phd"),
        (["--budget", "cheap"], "error: --budget must be a number, got cheap"),
        (["--country", "Narnia"], "error: --country must be an ISO 3166-1 alpha-2 country code such as US, GB, DE, "
                                  "got Narnia"),
        (["-k", "0"], "error: --limit must be >= 1, got 0"),
        (["--output", "xml"], "error: --output must be one of table|json|csv, got xml"),
    ],
)  # fmt: skip
def test_bad_filters_are_one_line_and_exit_2(home, args, message):
    result = invoke(home, "search", "data", *args)

    assert result.exit_code == 2
    assert result.stderr == message + "\n" and result.stdout == ""


def test_no_catalogue_exits_1_and_creates_no_database(tmp_path):
    result = invoke(tmp_path / "nowhere", "search", "data")

    assert result.exit_code == 1
    assert result.stderr == "error: no programs in the catalogue: run `mlpath run` first\n"
    assert not (tmp_path / "nowhere").exists()


def test_a_catalogue_without_the_search_index_says_what_to_run(tmp_path):
    build_database(tmp_path / "mlpath.db", REAL_SHAPED).dispose()  # tables only, not migrated

    result = invoke(tmp_path, "search", "data")

    assert result.exit_code == 1
    assert result.stderr == "error: the catalogue has no search index yet: run `mlpath db upgrade`\n"

import json

import pytest

from tests.cli.conftest import checksum, invoke


def show_json(home, *args):
    result = invoke(home, "show", *args, "--output", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_show_gives_cost_pace_sources_captured_and_link(home):
    facts = show_json(home, "2", "--hours-per-week", "4")

    assert facts["title"] == "Deep Learning Specialization"
    assert facts["weeks_at_your_pace"] == 40.0  # 20 weeks at 8 h/week, done at 4 h/week
    assert facts["cost_for_you_usd"] == 490.0  # $49 a month for the 10 months it takes at that pace
    assert (facts["cost_usd"], facts["cost_model"]) == (245.0, "subscription")
    assert facts["rating"] == 4.9 and facts["rating_count"] == 140000
    assert facts["sources"] == [{"source": "coursera", "last_seen": "2025-11-01", "url": "https://example.org/2"}]
    assert facts["url"] == "https://example.org/2" and facts["url_kind"] == "page"


def test_show_without_a_profile_explains_nothing(home):
    facts = show_json(home, "2")

    assert facts["weeks_at_your_pace"] == 16.0  # at the default 10 h/week
    assert "why" not in facts


def test_show_with_a_profile_says_which_constraint_keeps_it_out(home):
    facts = show_json(home, "6", "--budget", "1000", "--no-degree")

    assert facts["why"]["status"] == "excluded"
    assert facts["why"]["constraints"] == ["budget", "prerequisites"]
    assert "costs $21,600, above your $1,000 budget" in facts["why"]["reasons"]
    assert any("needs a first degree" in reason for reason in facts["why"]["reasons"])


def test_show_with_a_profile_says_where_it_ranks_and_why(home):
    facts = show_json(home, "2", "--budget", "1000", "--interests", "deep learning")

    why = facts["why"]
    assert why["status"] == "ranked" and why["rank"] == 1 and why["of"] >= 5
    assert any("deep learning" in reason for reason in why["reasons"])


def test_show_table_names_the_rank_and_the_link(home):
    result = invoke(home, "show", "6", "--budget", "1000")

    assert result.exit_code == 0, result.stderr
    assert "Master of Computer Science in Data Science" in result.stdout
    assert "Kept out for your profile by: budget" in result.stdout
    assert "https://example.org/6" in result.stdout


def test_compare_puts_programs_side_by_side(home):
    result = invoke(home, "compare", "1", "9", "7")

    assert result.exit_code == 0, result.stderr
    header = result.stdout.split("Provider")[0]
    assert all(title in header for title in ("Google Data", "MSc Data", "PhD in", "(1)", "(9)", "(7)"))
    assert "Cost for you" in result.stdout and "unknown" in result.stdout  # the PhD states no cost
    assert max(len(line) for line in result.stdout.splitlines()) <= 100  # COLUMNS=100


def test_compare_json_and_csv_carry_every_program(home):
    answer = json.loads(invoke(home, "compare", "1", "9", "--output", "json", "--residence", "de").stdout)
    rows = invoke(home, "compare", "1", "9", "--output", "csv").stdout.splitlines()

    assert [program["program_id"] for program in answer["programs"]] == [1, 9]
    assert answer["programs"][1]["residence"] == "DE"
    assert rows[0].split(",")[:3] == ["program_id", "title", "provider"] and len(rows) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "999"], "error: unknown program id 999"),
        (["show", "abc"], "error: program id must be a whole number >= 1, got abc"),
        (["compare", "1", "998", "999"], "error: unknown program ids 998, 999"),
        (["compare", "1"], "error: compare needs two program ids or more, got 1"),
        (["show", "1", "--residence", "Atlantis"],
         "error: --residence must be an ISO 3166-1 alpha-2 country code such as US, GB, DE, got Atlantis"),
        (["show", "1", "--hours-per-week", "0"], "error: --hours-per-week must be > 0, got 0"),
        (["show", "1", "--profile", "/nonexistent/me.toml"],
         "error: --profile /nonexistent/me.toml: cannot read it (No such file or directory)"),
    ],
)  # fmt: skip
def test_bad_ids_and_flags_exit_2_naming_the_value(home, args, message):
    before = checksum(home / "mlpath.db")

    result = invoke(home, *args)

    assert result.exit_code == 2
    assert result.stderr == message + "\n" and result.stdout == ""
    assert checksum(home / "mlpath.db") == before

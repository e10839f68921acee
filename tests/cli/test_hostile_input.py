"""Hostile input never changes the database and never prints a traceback, in-process or as a shell runs it."""

import pytest

from tests.cli.conftest import checksum, invoke, run_console_script

LONG = "x" * 10_000
HOSTILE_ARGUMENTS = [
    ["search", "'; DROP TABLE programs; --"],
    ["search", LONG],
    ["search", "deep", "--kind", LONG],
    ["show", "1; DELETE FROM programs"],
    ["show", "1 OR 1=1"],
    ["show", LONG],
    ["compare", "1", "2\"); DROP TABLE programs; --"],
    ["show", "2", "--interests", "'; DROP TABLE programs; --", "--budget", "1e309"],
    ["show", "2", "--country", "'; --"],
    ["report", "/dev/null/\"quoted\"/x.html"],
    ["recommend", "--goal", LONG],
]


@pytest.mark.parametrize("argv", HOSTILE_ARGUMENTS, ids=lambda argv: " ".join(argv)[:40])
def test_in_process_hostile_arguments_change_nothing(home, argv):
    before = checksum(home / "mlpath.db")

    result = invoke(home, *argv)

    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == 0 or result.stderr.count("\n") == 1
    assert checksum(home / "mlpath.db") == before


def test_nul_bytes_separate_words_in_search_text(home):
    result = invoke(home, "search", "deep\x00learning", "--output", "json")

    assert result.exit_code == 0
    assert '"query": "deep learning"' in result.stdout and "Deep Learning Specialization" in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        [b"search", b"deep \xff\xfe learning"],
        [b"show", b"\xff\xfe"],
        [b"search", b"data", b"--country", b"\xc3\x28"],
        [b"compare", b"1", b"2", b"--residence", b"\x80"],
        [b"search", b"data", b"--output", b"\xff"],
    ],
    ids=lambda argv: b" ".join(argv).decode("latin-1"),
)
def test_invalid_utf8_in_argv_through_the_console_script(home, argv):
    before = checksum(home / "mlpath.db")

    result = run_console_script(home, *argv)

    assert result.returncode in (0, 2), result.stderr
    assert b"Traceback" not in result.stderr + result.stdout
    if result.returncode == 2:
        assert result.stderr.count(b"\n") == 1 and result.stderr.startswith(b"error: ")
        assert "\ufffd".encode() in result.stderr  # the bad bytes are named, as replacement characters
    assert checksum(home / "mlpath.db") == before


def test_a_profile_file_that_is_not_utf8_is_bad_input(home, tmp_path):
    profile = tmp_path / "me.toml"
    profile.write_bytes(b'goal = "research\xff"\n')

    result = run_console_script(home, "show", "2", "--profile", str(profile))

    assert result.returncode == 2
    assert result.stderr.decode() == f"error: --profile {profile}: not UTF-8 text\n"


def test_a_usage_error_through_the_console_script_is_one_line(home):
    result = run_console_script(home, "search")

    assert result.returncode == 2
    assert result.stderr.decode().startswith("error: ") and result.stderr.count(b"\n") == 1

"""Usage errors that Click itself catches still come out as one line and exit code 2."""

import pytest

from cli.main import main


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["recommend", "--bogus"], "--bogus"),
        (["recommend", "--budget"], "--budget"),
        (["launch"], "launch"),
    ],
)
def test_usage_errors_are_one_line_naming_the_problem(monkeypatch, capsys, argv, named):
    monkeypatch.setattr("sys.argv", ["mlpath", *argv])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and named in err


def test_help_exits_zero(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["mlpath", "--help"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 0
    assert "recommend" in capsys.readouterr().out

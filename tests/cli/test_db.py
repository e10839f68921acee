from typer.testing import CliRunner

from cli.main import app


def test_stats_before_any_run_says_what_to_do(tmp_path):
    result = CliRunner().invoke(app, ["db", "stats"], env={"MLPATH_HOME": str(tmp_path)})
    assert result.exit_code == 1
    assert "run `mlpath run`" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_upgrade_creates_the_catalogue_then_stats_shows_it_empty(tmp_path):
    env = {"MLPATH_HOME": str(tmp_path)}
    assert CliRunner().invoke(app, ["db", "upgrade"], env=env).exit_code == 0
    assert (tmp_path / "mlpath.db").exists()
    result = CliRunner().invoke(app, ["db", "stats"], env=env)
    assert result.exit_code == 0
    assert "programs" in result.output

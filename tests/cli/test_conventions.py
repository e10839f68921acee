"""What every command shares: --help with an example, --output, and a quick start."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from cli.main import COMMANDS, app
from tests.cli.conftest import environment, invoke

HEAVY = ("prefect", "scrapy", "sklearn")
COMMAND_LINES = [[name] for name in COMMANDS if name != "db"] + [["db", "upgrade"], ["db", "stats"]]


@pytest.mark.parametrize("command", COMMAND_LINES, ids=" ".join)
def test_every_help_has_an_example(command):
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "120"})

    assert result.exit_code == 0, result.output
    assert "Example" in result.output and f"mlpath {' '.join(command)}" in result.output


def test_db_stats_takes_the_shared_output_option(home):
    answer = json.loads(invoke(home, "db", "stats", "--output", "json").stdout)
    rows = invoke(home, "db", "stats", "--output", "csv").stdout.splitlines()

    assert {"kind": "certification", "credential": "course", "count": 6} in answer["programs"]
    assert rows[0] == "table,group,subgroup,count" and "programs,degree,master,2" in rows


def imported_modules(home, *argv: str) -> set[str]:
    """The top-level modules a fresh interpreter has imported after running `mlpath ARGV`."""
    script = (
        "import sys\n"
        f"sys.argv = ['mlpath', *{list(argv)!r}]\n"
        "from cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment(home),
                            timeout=120, check=True)  # fmt: skip
    return set(result.stderr.split())


@pytest.mark.parametrize("argv", [["--help"], ["search", "deep", "learning"], ["show", "2"], ["compare", "1", "2"]])
def test_reading_commands_import_no_prefect_scrapy_or_sklearn(home, argv):
    loaded = imported_modules(home, *argv)

    assert "cli" in loaded and "typer" in loaded
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))

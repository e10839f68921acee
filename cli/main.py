"""The `mlpath` command: parses, calls flows or models, prints. Data on stdout, logs on stderr."""

import sys

import typer

from cli.db import db
from cli.errors import BAD_INPUT
from cli.evaluate import evaluate
from cli.feedback import feedback
from cli.recommend import recommend
from cli.run import run
from cli.train import train

app = typer.Typer(
    name="mlpath",
    help="Certification or degree for a career in machine learning: which path, which program, and why.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command()(run)
app.command()(recommend)
app.command()(feedback)
app.command()(train)
app.command(name="eval")(evaluate)
app.add_typer(db, name="db")


def main() -> None:
    """The console script: usage errors become one line naming the problem, exit code 2."""
    try:
        exit_code = app(standalone_mode=False)
    except typer.TyperException as error:  # Click's usage errors, e.g. an unknown option or choice
        if message := error.format_message():  # empty when the help was shown instead
            typer.echo(f"error: {message}", err=True)
        sys.exit(BAD_INPUT)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    sys.exit(exit_code if isinstance(exit_code, int) else 0)

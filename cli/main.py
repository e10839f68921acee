"""The `mlpath` command: parses, calls flows or models, prints. Data on stdout, logs on stderr."""

import typer

app = typer.Typer(
    name="mlpath",
    help="Certification or degree for a career in machine learning: which path, which program, and why.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

from cli.db import db  # noqa: E402
from cli.run import run  # noqa: E402

app.command()(run)
app.add_typer(db, name="db")

from cli.recommend import recommend  # noqa: E402

app.command()(recommend)

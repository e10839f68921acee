"""The catalogue as the reading commands (search, show, compare, report) open it.

They never create or change a database: a missing SQLite file or an unmigrated database ends the
command with exit code 1 and one line saying what to run.
"""

from pathlib import Path

import typer

from cli.errors import RUN_FAILED

NO_CATALOGUE = "no programs in the catalogue: run `mlpath run` first"


def open_catalogue():
    """An engine on the catalogue named by the settings (MLPATH_HOME, MLPATH_DATABASE_URL)."""
    from sqlalchemy.engine import make_url

    from pipeline.settings import Settings
    from pipeline.store.db import has_catalogue, make_engine

    url = Settings().database
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        if not Path(parsed.database).is_file():
            raise failed(NO_CATALOGUE)
    engine = make_engine(url)
    if not has_catalogue(engine):
        engine.dispose()
        raise failed(NO_CATALOGUE)
    return engine


def failed(message: str) -> typer.Exit:
    typer.echo(f"error: {' '.join(message.split())}", err=True)
    return typer.Exit(RUN_FAILED)

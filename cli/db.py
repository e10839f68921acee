"""`mlpath db`: the analyst's and operator's view of the database."""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from cli.errors import RUN_FAILED, bad_input
from pipeline.settings import Settings
from pipeline.store.db import has_catalogue, make_engine, reader_session
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.schema import CrawlRun, Program, RejectedItem

db = typer.Typer(help="Migrate and inspect the catalogue database.", no_args_is_help=True)


@db.command()
def upgrade() -> None:
    """Migrate the database to the newest schema."""
    database = Settings().database
    upgrade_to_head(database)
    typer.echo(f"database at head: {database}", err=True)


@db.command()
def stats() -> None:
    """Programs by kind and credential, and rejections by reason."""
    engine = _catalogue_engine()
    console = Console()
    with reader_session(engine) as session:
        console.print(_count_table(session, "programs", Program.kind, Program.credential))
        console.print(_count_table(session, "rejected (latest runs)", RejectedItem.source, RejectedItem.reason,
                                   latest_only=True))


@db.command()
def export(
    path: Annotated[Path, typer.Argument(help="File to write (replaced when it exists).")],
    file_format: Annotated[str, typer.Option("--format", help="csv or parquet.")] = "csv",
) -> None:
    """Write the whole catalogue, one row per program (the columns of program_catalog).

    Example: mlpath db export --format parquet catalogue.parquet
    """
    from pipeline.store.export import FORMATS, export_catalogue

    if file_format not in FORMATS:
        raise bad_input(f"--format {file_format!r}: choose csv or parquet")
    if not path.parent.is_dir():
        raise bad_input(f"cannot write {str(path)!r}: folder {str(path.parent)!r} does not exist")
    engine = _catalogue_engine()
    written = export_catalogue(engine, path, file_format)
    typer.echo(f"exported {written} programs to {path}", err=True)


def _catalogue_engine():
    engine = make_engine(Settings().database)
    if not has_catalogue(engine):
        typer.echo("error: no catalogue in the database yet: run `mlpath run` (or `mlpath db upgrade`) first", err=True)
        raise typer.Exit(RUN_FAILED)
    return engine


def _count_table(session, title, *columns, latest_only=False) -> Table:
    query = select(*columns, func.count()).group_by(*columns).order_by(func.count().desc())
    if latest_only:
        latest = select(func.max(CrawlRun.id)).group_by(CrawlRun.source)
        query = query.where(RejectedItem.crawl_run_id.in_(latest)).limit(25)
    table = Table(title=title)
    for column in columns:
        table.add_column(column.key)
    table.add_column("count", justify="right")
    for *values, count in session.execute(query):
        table.add_row(*(str(value) for value in values), str(count))
    return table

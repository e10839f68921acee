"""`mlpath db`: the analyst's and operator's view of the database."""

from pathlib import Path
from typing import Annotated

import typer

from cli.errors import RUN_FAILED, bad_input
from cli.output import CommandOutput, output_options

db = typer.Typer(help="Migrate and inspect the catalogue database.", no_args_is_help=True, add_completion=False)

STATS_COLUMNS = ("table", "group", "subgroup", "count")
REJECTED_SHOWN = 25


@db.command()
def upgrade() -> None:
    """Migrate the database to the newest schema."""
    from pipeline.settings import Settings
    from pipeline.store.migrate import upgrade_to_head

    database = Settings().database
    upgrade_to_head(database)
    typer.echo(f"database at head: {database}", err=True)


@db.command()
def export(
    path: Annotated[Path, typer.Argument(help="File to write (replaced when it exists).")],
    file_format: Annotated[str, typer.Option("--format", help="csv or parquet.")] = "csv",
) -> None:
    """Write the whole catalogue, one row per program, with the columns of program_catalog."""
    from pipeline.store.export import FORMATS, export_catalogue

    if file_format not in FORMATS:
        raise bad_input(f"--format {file_format!r}: choose csv or parquet")
    if not path.parent.is_dir():
        raise bad_input(f"cannot write {str(path)!r}: folder {str(path.parent)!r} does not exist")
    engine = _catalogue_engine()
    written = export_catalogue(engine, path, file_format)
    engine.dispose()
    typer.echo(f"exported {written} programs to {path}", err=True)


def _catalogue_engine():
    from pipeline.settings import Settings
    from pipeline.store.db import has_catalogue, make_engine

    engine = make_engine(Settings().database)
    if not has_catalogue(engine):
        typer.echo("error: no catalogue in the database yet: run `mlpath run` (or `mlpath db upgrade`) first", err=True)
        raise typer.Exit(RUN_FAILED)
    return engine


@db.command()
@output_options
def stats() -> CommandOutput:
    """Programs by kind and credential, and rejections by reason."""
    from pipeline.store.db import reader_session
    from pipeline.store.schema import Program, RejectedItem

    engine = _catalogue_engine()
    with reader_session(engine) as session:
        programs = _counts(session, Program.kind, Program.credential)
        rejected = _counts(session, RejectedItem.source, RejectedItem.reason, latest_only=True)
    engine.dispose()
    rows = [{"table": "programs", "group": kind, "subgroup": credential, "count": count}
            for kind, credential, count in programs]  # fmt: skip
    rows += [{"table": "rejected", "group": source, "subgroup": reason, "count": count}
             for source, reason, count in rejected]  # fmt: skip
    return CommandOutput(
        json={
            "programs": [
                {"kind": kind, "credential": credential, "count": count} for kind, credential, count in programs
            ],
            "rejected": [{"source": source, "reason": reason, "count": count} for source, reason, count in rejected],
        },
        csv_columns=STATS_COLUMNS,
        csv_rows=rows,
        table=lambda: (
            _count_table("programs", ("kind", "credential"), programs),
            _count_table("rejected (latest runs)", ("source", "reason"), rejected),
        ),
    )


def _counts(session, *columns, latest_only=False) -> list[tuple]:
    from sqlalchemy import func, select

    from pipeline.store.schema import CrawlRun, RejectedItem

    query = select(*columns, func.count()).group_by(*columns).order_by(func.count().desc(), *columns)
    if latest_only:
        latest = select(func.max(CrawlRun.id)).group_by(CrawlRun.source)
        query = query.where(RejectedItem.crawl_run_id.in_(latest)).limit(REJECTED_SHOWN)
    return [tuple(row) for row in session.execute(query)]


def _count_table(title: str, headers: tuple[str, ...], counts: list[tuple]):
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title)
    for header in headers:
        table.add_column(header, overflow="fold")
    table.add_column("count", justify="right")
    for *values, count in counts:
        table.add_row(*(Text(str(value)) for value in values), str(count))
    return table

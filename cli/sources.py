"""`mlpath sources`: every source of the registry, its last run, its items, field coverage and health."""

import json
from enum import StrEnum
from typing import Annotated

import typer

from cli.errors import RUN_FAILED


class Output(StrEnum):
    table = "table"
    json = "json"


def sources(
    output: Annotated[Output, typer.Option("--output", help="table (Rich) or json (a list).")] = Output.table,
) -> None:
    """Each source's last run and health; exit 1 when a source's last run failed or fell by half."""
    from pipeline.settings import Settings
    from pipeline.store.db import has_catalogue, make_engine, reader_session
    from pipeline.store.health import sources_health

    engine = make_engine(Settings().database)
    if not has_catalogue(engine):
        typer.echo("error: no catalogue in the database yet: run `mlpath run` (or `mlpath db upgrade`) first", err=True)
        raise typer.Exit(RUN_FAILED)
    with reader_session(engine) as session:
        report = sources_health(session)
    if output is Output.json:
        typer.echo(json.dumps([_as_dict(source) for source in report], indent=2))
    else:
        _print_table(report)
    if any(source.flagged for source in report):
        raise typer.Exit(RUN_FAILED)


def _as_dict(source) -> dict:
    return {
        "name": source.name,
        "status": source.status,
        "last_run": source.last_run.isoformat() if source.last_run else None,
        "items": source.items,
        "coverage": source.coverage,
        "health": source.health,
    }


def _print_table(report) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="sources")
    for column in ("source", "status", "last run", "items", "coverage", "health"):
        table.add_column(column, justify="right" if column == "items" else "left")
    for source in report:
        coverage = " ".join(f"{name} {share:.0%}" for name, share in source.coverage.items())
        style = "red" if source.flagged else None
        table.add_row(
            source.name,
            source.status,
            f"{source.last_run:%Y-%m-%d %H:%M}" if source.last_run else "",
            "" if source.items is None else str(source.items),
            coverage,
            source.health,
            style=style,
        )
    Console().print(table)

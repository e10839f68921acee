"""`mlpath sources`: every source of the registry, its last run, its items, field coverage and health."""

import typer

from cli.errors import RUN_FAILED
from cli.output import CommandOutput, output_options

COLUMNS = ("name", "status", "last_run", "items", "coverage", "health")


@output_options
def sources() -> CommandOutput:
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
    rows = [_as_dict(source) for source in report]
    return CommandOutput(
        json=rows, csv_columns=COLUMNS, csv_rows=[{**row, "coverage": _coverage(source)} for row, source in
                                                  zip(rows, report, strict=True)],
        table=lambda: (_table(report),), exit_code=RUN_FAILED if any(source.flagged for source in report) else 0,
    )  # fmt: skip


def _coverage(source) -> str:
    return " ".join(f"{name} {share:.0%}" for name, share in source.coverage.items())


def _as_dict(source) -> dict:
    return {
        "name": source.name,
        "status": source.status,
        "last_run": source.last_run.isoformat() if source.last_run else None,
        "items": source.items,
        "coverage": source.coverage,
        "health": source.health,
    }


def _table(report):
    from rich.table import Table

    table = Table(title="sources")
    for column in ("source", "status", "last run", "items", "coverage", "health"):
        table.add_column(column, justify="right" if column == "items" else "left")
    for source in report:
        style = "red" if source.flagged else None
        table.add_row(
            source.name,
            source.status,
            f"{source.last_run:%Y-%m-%d %H:%M}" if source.last_run else "",
            "" if source.items is None else str(source.items),
            _coverage(source),
            source.health,
            style=style,
        )
    return table

"""`mlpath schedule`: the per-source deployments (list), and running them on a Prefect server (serve)."""

import os
from pathlib import Path
from typing import Annotated

import typer

from cli.errors import bad_input
from cli.output import CommandOutput, output_options

schedule = typer.Typer(help="Scheduled crawls: one Prefect deployment per source.", no_args_is_help=True)


@schedule.command("list")
@output_options
def list_schedules() -> CommandOutput:
    """Each deployment: name, source, cron (the registry's cadence unless MLPATH_CADENCE overrides it)."""
    rows = [{"name": item.name, "source": item.source, "cron": item.cron, "enabled": item.enabled}
            for item in _schedules()]  # fmt: skip
    return CommandOutput(json=rows, csv_columns=("name", "source", "cron", "enabled"), csv_rows=rows,
                         table=lambda: (_table(rows),))  # fmt: skip


def _table(rows: list[dict]):
    from rich.table import Table

    table = Table(title="mlpath schedules")
    for column in ("name", "source", "cron", "enabled"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["name"], row["source"], row["cron"], "yes" if row["enabled"] else "no")
    return table


@schedule.command("serve")
def serve(
    replay: Annotated[
        Path | None, typer.Option(help="Every run answers its requests from this WARC file or folder.")
    ] = None,
    pool: Annotated[
        str | None,
        typer.Option(
            help="Register the deployments in this work pool (type process) for "
            "`prefect worker start --pool NAME` to run, instead of serving here."
        ),
    ] = None,
) -> None:
    """Register the deployments with the Prefect server at PREFECT_API_URL and run them when due or
    triggered (with --pool: register them in a work pool and return)."""
    if not os.environ.get("PREFECT_API_URL"):
        raise bad_input(
            "PREFECT_API_URL is not set: start a server (`prefect server start`) and point "
            "PREFECT_API_URL at it (e.g. http://127.0.0.1:4200/api)"
        )
    if replay is not None:
        from cli.run import check_archive

        check_archive(replay)
        replay = replay.resolve()
    if pool:
        from flows.schedule import register_in_pool

        names = register_in_pool(_schedules(), pool, replay)
        typer.echo(f"registered {len(names)} deployments in work pool {pool!r}: {', '.join(names)}", err=True)
        return
    from prefect import serve as serve_deployments

    from flows.schedule import deployments

    serve_deployments(*deployments(_schedules(), replay))


def _schedules():
    from flows.schedule import ScheduleError, schedules

    try:
        return schedules()
    except ScheduleError as error:
        raise bad_input(str(error)) from None

"""`mlpath schedule`: the per-source deployments (list), and running them on a Prefect server (serve)."""

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from cli.errors import bad_input

schedule = typer.Typer(help="Scheduled crawls: one Prefect deployment per source.", no_args_is_help=True)


@schedule.command("list")
def list_schedules(
    output: Annotated[str, typer.Option(help="table or json.")] = "table",
) -> None:
    """Each deployment: name, source, cron (the registry's cadence unless MLPATH_CADENCE overrides it)."""
    if output not in ("table", "json"):
        raise bad_input(f"--output: {output!r} is not one of table, json")
    found = _schedules()
    if output == "json":
        typer.echo(json.dumps([{"name": item.name, "source": item.source, "cron": item.cron,
                                "enabled": item.enabled} for item in found], indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="mlpath schedules")
    for column in ("name", "source", "cron", "enabled"):
        table.add_column(column)
    for item in found:
        table.add_row(item.name, item.source, item.cron, "yes" if item.enabled else "no")
    Console().print(table)


@schedule.command("serve")
def serve(
    replay: Annotated[
        Path | None, typer.Option(help="Every run answers its requests from this WARC file or folder.")
    ] = None,
    pool: Annotated[
        str | None, typer.Option(help="Register the deployments in this work pool (type process) for "
                                      "`prefect worker start --pool NAME` to run, instead of serving here.")
    ] = None,
) -> None:
    """Register the deployments with the Prefect server at PREFECT_API_URL and run them when due or
    triggered (with --pool: register them in a work pool and return)."""
    if not os.environ.get("PREFECT_API_URL"):
        raise bad_input("PREFECT_API_URL is not set: start a server (`prefect server start`) and point "
                        "PREFECT_API_URL at it (e.g. http://127.0.0.1:4200/api)")
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

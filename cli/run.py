"""`mlpath run`: the main job."""

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from cli.errors import RUN_FAILED, bad_input
from crawlers.registry import enabled_sources
from crawlers.replay import ReplayArchive, ReplayArchiveError


def run(
    replay: Annotated[
        Path | None, typer.Option(help="Answer every request from this WARC file or folder of WARC files.")
    ] = None,
    source: Annotated[list[str] | None, typer.Option(help="Crawl only this source (repeatable).")] = None,
) -> None:
    """Crawl every enabled source, clean and store, retrain the ranker, print a summary per source."""
    if replay is not None:
        check_archive(replay)
    known = enabled_sources()
    for name in source or []:
        if name not in known:
            raise bad_input(f"--source: unknown source {name!r} (known: {', '.join(known)})")

    from flows.report import failed_sources
    from flows.run import run_pipeline  # Prefect is slow to import: only when a run is asked for

    state = run_pipeline(sources=source or None, replay=replay.resolve() if replay else None, return_state=True)
    summaries = state.result(raise_on_failure=False)
    if not isinstance(summaries, list):  # the run broke down before it could account for its sources
        typer.echo(f"error: the run failed: {state.message}", err=True)
        raise typer.Exit(RUN_FAILED)
    print_report(summaries)
    if failed_sources(summaries):
        raise typer.Exit(RUN_FAILED)


def check_archive(path: Path) -> None:
    try:
        ReplayArchive.open(path)
    except ReplayArchiveError as error:
        raise bad_input(f"--replay: {error}") from None


def print_report(summaries) -> None:
    """The run report's table on stdout; the verdict and each failure's reason on stderr."""
    from flows.report import COLUMNS, report_rows, verdict

    rows = report_rows(summaries)
    table = Table(title="mlpath run", box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False)  # 80 columns
    for column in COLUMNS:
        table.add_column(column, justify="left" if column in ("source", "status", "health") else "right")
    for row in rows:
        table.add_row(*row.values())
    Console().print(table)
    typer.echo(verdict(summaries), err=True)
    for summary in summaries:
        if summary.outcome.message:
            typer.echo(f"{summary.source}: {summary.outcome.message}", err=True)

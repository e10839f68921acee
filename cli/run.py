"""`mlpath run`: the main job."""

from pathlib import Path
from typing import Annotated

import typer
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
        _check_archive(replay)
    known = enabled_sources()
    for name in source or []:
        if name not in known:
            raise bad_input(f"--source: unknown source {name!r} (known: {', '.join(known)})")

    from flows.run import run_pipeline  # Prefect is slow to import: only when a run is asked for

    state = run_pipeline(sources=source or None, replay=replay.resolve() if replay else None, return_state=True)
    if not state.is_completed():
        typer.echo(f"error: the run failed: {state.message}", err=True)
        raise typer.Exit(RUN_FAILED)
    summaries = state.result()
    _print_summary(summaries)
    if any(summary.outcome.status != "ok" for summary in summaries):
        raise typer.Exit(RUN_FAILED)


def _check_archive(path: Path) -> None:
    try:
        ReplayArchive.open(path)
    except ReplayArchiveError as error:
        raise bad_input(f"--replay: {error}") from None


def _print_summary(summaries) -> None:
    table = Table(title="mlpath run")
    for column in ("source", "status", "pages", "items", "stored", "rejected", "errors"):
        table.add_column(column, justify="left" if column in ("source", "status") else "right")
    for summary in summaries:
        outcome = summary.outcome
        table.add_row(summary.source, outcome.status, *(str(value) for value in (
            outcome.pages, outcome.items, outcome.stored, outcome.rejected, outcome.errors)))
    Console().print(table)
    for summary in summaries:
        if summary.outcome.message:
            typer.echo(f"{summary.source}: {summary.outcome.message}", err=True)

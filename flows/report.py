"""The run report: one row per source (pages, items, stored, rejected, errors, health), published as a
Prefect markdown artifact and printed by `mlpath run`, from the same rows."""

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.store.runs import RunOutcome

COLUMNS = ("source", "status", "pages", "items", "stored", "rejected", "errors", "health")
ARTIFACT_KEY = "mlpath-run-report"


@dataclass(frozen=True)
class SourceSummary:
    source: str
    outcome: RunOutcome
    health: str = ""  # pipeline/store/health.py: "ok", or what was flagged

def report_rows(summaries: Sequence[SourceSummary]) -> list[dict[str, str]]:
    rows = []
    for summary in summaries:
        outcome = summary.outcome
        counts = (outcome.pages, outcome.items, outcome.stored, outcome.rejected, outcome.errors)
        health = summary.health or outcome.status
        rows.append(dict(zip(COLUMNS, (summary.source, outcome.status, *map(str, counts), health), strict=True)))
    return rows


def failed_sources(summaries: Sequence[SourceSummary]) -> list[str]:
    return [summary.source for summary in summaries if summary.outcome.status != "ok"]


def verdict(summaries: Sequence[SourceSummary]) -> str:
    """One line: every source ok, or which failed."""
    if failed := failed_sources(summaries):
        return f"{len(failed)} of {len(summaries)} sources failed: {', '.join(failed)}"
    return f"all {len(summaries)} sources ok"


def markdown_report(summaries: Sequence[SourceSummary]) -> str:
    lines = ["# mlpath run", "", "| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    lines += ["| " + " | ".join(row.values()) + " |" for row in report_rows(summaries)]
    lines += ["", verdict(summaries)]
    lines += [f"- `{summary.source}`: {summary.outcome.message}" for summary in summaries if summary.outcome.message]
    return "\n".join(lines) + "\n"


def publish_report(summaries: Sequence[SourceSummary]) -> None:
    from prefect.artifacts import create_markdown_artifact

    create_markdown_artifact(markdown=markdown_report(summaries), key=ARTIFACT_KEY, description=verdict(summaries))

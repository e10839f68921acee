"""Clean one crawl's feed and store it. The caller holds the writer slot (flows.limits): one store at
a time across every run."""

import json
from collections.abc import Iterator
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE
from sqlalchemy import Engine

from flows.crawl import CrawlOutput
from pipeline.clean import clean
from pipeline.records import Program, Rejection
from pipeline.store.db import writer_session
from pipeline.store.runs import RunOutcome, close_run
from pipeline.store.schema import CrawlRun
from pipeline.store.upsert import store_programs, store_rejections


@task(task_run_name="store-{output.source}", cache_policy=NO_CACHE)
def store_crawl(engine: Engine, crawl_run_id: int, output: CrawlOutput) -> RunOutcome:
    programs: list[Program] = []
    rejections: list[Rejection] = []
    for outcome in _cleaned(output.source, output.feed):
        (programs if isinstance(outcome, Program) else rejections).append(outcome)
    with writer_session(engine) as session:
        run = session.get_one(CrawlRun, crawl_run_id)
        stored = store_programs(session, run, programs)
        rejected = store_rejections(session, run, rejections)
        outcome = RunOutcome(
            status="ok",
            pages=output.report.get("pages", 0),
            items=output.report.get("items", 0),
            stored=stored.stored,
            rejected=rejected,
            errors=output.report.get("errors", 0),
            dropped=output.report.get("dropped", {}),
            coverage=output.report.get("coverage", {}),
        )
        close_run(session, run, outcome)
    return outcome


def record_failure(engine: Engine, crawl_run_id: int, message: str) -> RunOutcome:
    outcome = RunOutcome(status="failed", errors=1, message=message)
    with writer_session(engine) as session:
        close_run(session, session.get_one(CrawlRun, crawl_run_id), outcome)
    return outcome


def _cleaned(source: str, feed: Path) -> Iterator[Program | Rejection]:
    with feed.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                raw = json.loads(line)
            except json.JSONDecodeError:
                yield Rejection(source=source, reason=f"malformed feed line {number}", raw={"line": line[:2000]})
                continue
            yield clean(raw)

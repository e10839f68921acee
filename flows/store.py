"""Store one crawl's cleaned feed. The caller holds the writer slot (flows.limits): one store at a time
across every run."""

from concurrent.futures import Future

from prefect import task
from prefect.cache_policies import NO_CACHE
from sqlalchemy import Engine

from flows.crawl import CrawlOutput
from pipeline.clean import CleanFeed
from pipeline.store.db import writer_session
from pipeline.store.runs import RunOutcome, close_run
from pipeline.store.schema import CrawlRun
from pipeline.store.upsert import KeptIndex, store_programs, store_rejections


@task(task_run_name="store-{output.source}", cache_policy=NO_CACHE)
def store_crawl(engine: Engine, crawl_run_id: int, output: CrawlOutput, cleaned: Future[CleanFeed],
                kept: KeptIndex) -> RunOutcome:  # fmt: skip
    """Store the feed once cleaned (flows/clean.py); fails as its cleaning failed."""
    feed = cleaned.result()
    with writer_session(engine) as session:
        run = session.get_one(CrawlRun, crawl_run_id)
        stored = store_programs(session, run, feed.programs, kept)
        rejected = store_rejections(session, run, feed.rejections)
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

"""`mlpath run`: crawl every enabled source, clean and store each, retrain, summarise."""

import uuid
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from crawlers.sources import enabled_sources
from flows.crawl import crawl_source
from flows.store import record_failure, store_crawl
from models.catalog import EmptyCatalogError
from models.train import train
from pipeline.settings import Settings
from pipeline.store.db import make_engine, writer_session
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import RunOutcome, open_run

# Two spider processes at a time: the machines this runs on have two cores.
CONCURRENT_CRAWLS = 2

train_ranker = task(train, name="train", cache_policy=NO_CACHE)


@dataclass(frozen=True)
class SourceSummary:
    source: str
    outcome: RunOutcome


@flow(name="mlpath-run", task_runner=ThreadPoolTaskRunner(max_workers=CONCURRENT_CRAWLS))
def run_pipeline(sources: list[str] | None = None, replay: Path | None = None) -> list[SourceSummary]:
    logger = get_run_logger()
    settings = Settings()
    upgrade_to_head(settings.database)
    engine = make_engine(settings.database)
    run_id = uuid.uuid4().hex
    staging = settings.staging_dir / run_id
    staging.mkdir(parents=True, exist_ok=True)
    chosen = sources or enabled_sources()
    crawl_run_ids = _open_runs(engine, run_id, chosen)

    futures = {source: crawl_source.submit(source, staging, replay) for source in chosen}
    summaries = []
    for source, future in futures.items():
        crawled = future.result(raise_on_failure=False)
        if isinstance(crawled, BaseException):
            logger.error("%s failed: %s", source, crawled)
            outcome = record_failure(engine, crawl_run_ids[source], str(crawled))
        else:
            outcome = store_crawl(engine, crawl_run_ids[source], crawled)
        summaries.append(SourceSummary(source, outcome))

    try:
        train_ranker(engine, settings.models_dir)
    except EmptyCatalogError:
        logger.warning("the ranker was not trained: the catalogue is empty")
    engine.dispose()
    return summaries


def _open_runs(engine, run_id: str, sources: list[str]) -> dict[str, int]:
    with writer_session(engine) as session:
        return {source: open_run(session, run_id, source).id for source in sources}

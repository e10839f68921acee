"""`mlpath run`: crawl every enabled source, clean and store each, retrain, summarise."""

import uuid
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from sqlalchemy import Engine

from crawlers.registry import enabled_sources
from flows.crawl import crawl_source
from flows.staging import new_run_folder, prune_old_runs
from flows.store import record_failure, store_crawl
from models.catalog import EmptyCatalogError
from models.train import train
from pipeline.enrich.scorecard import enrich_from_scorecard
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
    settings = Settings()
    upgrade_to_head(settings.database)
    engine = make_engine(settings.database)
    try:
        summaries = _crawl_and_store(engine, settings.staging_dir, sources or enabled_sources(), replay)
        _enrich_from_scorecard(engine)
        _train(engine, settings.models_dir)
    finally:
        engine.dispose()
    prune_old_runs(settings.staging_dir)
    return summaries


def _crawl_and_store(engine: Engine, staging_dir: Path, sources: list[str], replay: Path | None) -> list[SourceSummary]:
    """Crawls run side by side; their feeds are stored one at a time (one writer), in order."""
    run_id = uuid.uuid4().hex
    staging = new_run_folder(staging_dir, run_id)
    crawl_run_ids = _open_runs(engine, run_id, sources)
    futures = {source: crawl_source.submit(source, staging, replay) for source in sources}
    summaries = []
    for source, future in futures.items():
        future.wait()
        state = future.state
        if state.is_completed():
            state = store_crawl(engine, crawl_run_ids[source], future.result(), return_state=True)
        if state.is_completed():
            outcome = state.result()
        else:
            message = str(state.result(raise_on_failure=False))
            get_run_logger().error("%s failed: %s", source, message)
            outcome = record_failure(engine, crawl_run_ids[source], message)
        summaries.append(SourceSummary(source, outcome))
    return summaries


def _enrich_from_scorecard(engine: Engine) -> None:
    """Once every source is stored: US degrees of other sources gain Scorecard tuition and outcomes."""
    with writer_session(engine) as session:
        get_run_logger().info("%s", enrich_from_scorecard(session))


def _train(engine: Engine, models_dir: Path) -> None:
    try:
        train_ranker(engine, models_dir)
    except EmptyCatalogError:
        get_run_logger().warning("the ranker was not trained: the catalogue is empty")


def _open_runs(engine: Engine, run_id: str, sources: list[str]) -> dict[str, int]:
    with writer_session(engine) as session:
        return {source: open_run(session, run_id, source).id for source in sources}

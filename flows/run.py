"""The refresh: crawl sources side by side, clean and store each feed (one writer across every run),
retrain once, publish the run report. `mlpath run` runs every enabled source; the per-source
deployments run one source each, through the same code."""

import uuid
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import replace
from importlib import import_module
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Completed, Failed, State
from prefect.task_runners import ThreadPoolTaskRunner
from sqlalchemy import Engine, select

from crawlers.registry import SOURCES, enabled_sources
from crawlers.replay import ReplayArchive
from flows.clean import Cleaning, cleaning_process
from flows.crawl import crawl_with_retries
from flows.limits import TRAINER, WRITER, limits_for_this_run, one_at_a_time
from flows.report import SourceSummary, failed_sources, publish_report, verdict
from flows.settings import RunSettings
from flows.staging import RUNS_KEPT, new_run_folder, prune_old_runs
from flows.store import record_failure, store_crawl
from models.catalog import EmptyCatalogError
from pipeline.enrich.scorecard import enrich_from_scorecard
from pipeline.progress import progress
from pipeline.settings import Settings
from pipeline.store.db import make_engine, reader_session, writer_session
from pipeline.store.health import sources_health
from pipeline.store.history import mark_unlisted
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import RunOutcome, close_interrupted_runs, open_run
from pipeline.store.schema import CrawlRun
from pipeline.store.upsert import KeptIndex

# Two spider processes at a time: the machines this runs on have two cores.
CONCURRENT_CRAWLS = 2


@task(name="train", cache_policy=NO_CACHE)
def train_ranker(engine: Engine, models_dir: Path) -> None:
    from models.train import train  # imported while the crawls ran (_crawl_and_store)

    with one_at_a_time(TRAINER):
        try:
            train(engine, models_dir)
        except EmptyCatalogError:
            get_run_logger().warning("the ranker was not trained: the catalogue is empty")


@flow(name="mlpath-run", task_runner=ThreadPoolTaskRunner(max_workers=CONCURRENT_CRAWLS))
def run_pipeline(sources: list[str] | None = None, replay: Path | None = None) -> State:
    """Every enabled source (or the named ones). Completed when every source is ok, else Failed
    naming the failed sources; either way the state's data is the per-source summaries."""
    return _refresh(sources or enabled_sources(), replay, full=not sources)


@flow(name="mlpath-source", flow_run_name="{source}", task_runner=ThreadPoolTaskRunner(max_workers=1))
def refresh_source(source: str, replay: Path | None = None) -> State:
    """One source: what each scheduled deployment runs."""
    return _refresh([source], replay)


def _refresh(sources: list[str], replay: Path | None, full: bool = False) -> State:
    """Crawl, store and retrain. Only a full run (every enabled source) may mark unlisted programs
    inactive, and only for the sources whose crawl succeeded (pipeline/store/history.py)."""
    settings, run_settings = Settings(), RunSettings()
    with limits_for_this_run():
        with one_at_a_time(WRITER):  # two runs must not migrate one database at once
            upgrade_to_head(settings.database)
        engine = make_engine(settings.database)
        try:
            run_id = uuid.uuid4().hex
            summaries = _crawl_and_store(engine, settings.staging_dir, run_id, sources, replay, run_settings)
            with one_at_a_time(WRITER):
                _enrich_from_scorecard(engine)
                if full:
                    _mark_unlisted(engine, run_id)
            summaries = _with_health(engine, summaries)
            train_ranker(engine, settings.models_dir)
        finally:
            engine.dispose()
    prune_old_runs(settings.staging_dir)
    publish_report(summaries)
    if failed_sources(summaries):
        return Failed(message=verdict(summaries), data=summaries)
    return Completed(message=verdict(summaries), data=summaries)


def _crawl_and_store(engine: Engine, staging_dir: Path, run_id: str, sources: list[str], replay: Path | None,
                     run_settings: RunSettings) -> list[SourceSummary]:
    """Crawls run side by side, and each feed is cleaned in a process of its own as its crawl ends; each
    is then stored, one store at a time (the feeds cleaned meanwhile under one taking of the writer slot)."""
    staging = new_run_folder(staging_dir, run_id)
    sources = largest_first(engine, sources, replay)
    crawl_run_ids = _open_runs(engine, run_id, sources)
    crawl = crawl_with_retries(run_settings)
    outcomes = {}
    with progress("crawl and store", total=2 * len(sources)) as step, cleaning_process() as cleaner:
        cleanings = {source: Cleaning(crawl.submit(source, staging, replay, run_settings.crawl_timeout_seconds),
                                      cleaner) for source in sources}  # fmt: skip
        # The trainer (scikit-learn: 1.3 s to import) is needed only at the end: imported now, while the
        # first crawls run and this process has nothing to store, not before they could start.
        import_module("models.train")
        for finished in _finished_together(sources, {source: cleanings[source].ready for source in sources}):
            for source in finished:
                step.advance(note=f"crawled {source}")
            # One taking of the writer slot for every feed ready by now: each costs a round of API calls,
            # and on a server backed by SQLite often a 503 ("database is locked") and a 2 s retry.
            # The feeds stored under it share one index of the catalogue.
            with one_at_a_time(WRITER):
                kept = KeptIndex()
                for source in finished:
                    outcomes[source] = _stored(engine, crawl_run_ids[source], source, cleanings[source], kept)
                    step.advance(note=_stored_note(source, outcomes[source]))
    return [SourceSummary(source, outcomes[source]) for source in sorted(sources)]


def _finished_together(names: list[str], futures: dict[str, Future]) -> Iterator[list[str]]:
    """The names in groups as their futures finish: the next one, with every other one finished by then
    (in the order of `names`)."""
    remaining = set(futures.values())
    while remaining:
        done, remaining = wait(remaining, return_when=FIRST_COMPLETED)
        yield [name for name in names if futures[name] in done]


def _stored(engine: Engine, crawl_run_id: int, source: str, cleaning: Cleaning, kept: KeptIndex) -> RunOutcome:
    """Store a crawled and cleaned feed (the caller holds the writer slot), or record why it failed."""
    state = cleaning.ready.result()
    if state.is_completed():
        state = store_crawl(engine, crawl_run_id, state.result(), cleaning.feed, kept, return_state=True)
        if not state.is_completed():
            kept.index = None  # its store was rolled back
    if state.is_completed():
        return state.result()
    message = str(state.result(raise_on_failure=False))
    get_run_logger().warning("%s failed: %s", source, message)
    return record_failure(engine, crawl_run_id, message)


def _stored_note(source: str, outcome: RunOutcome) -> str:
    if outcome.status != "ok":
        return f"{source} failed"
    return f"stored {source}: {outcome.stored} of {outcome.items} items"


def _enrich_from_scorecard(engine: Engine) -> None:
    """Once every source is stored: US degrees of other sources gain Scorecard tuition and outcomes."""
    with writer_session(engine) as session:
        get_run_logger().info("%s", enrich_from_scorecard(session))


def _mark_unlisted(engine: Engine, run_id: str) -> None:
    with writer_session(engine) as session:
        if gone := mark_unlisted(session, run_id):
            get_run_logger().info("%d programs no source lists any more: marked inactive", gone)


def _with_health(engine: Engine, summaries: list[SourceSummary]) -> list[SourceSummary]:
    with reader_session(engine) as session:
        health = {source.name: source.health for source in sources_health(session)}
    return [replace(summary, health=health.get(summary.source, "")) for summary in summaries]


def largest_first(engine: Engine, sources: list[str], replay: Path | None = None) -> list[str]:
    """The sources that yielded most items last time start first (crawl and store time grow with
    items), so that the big feeds are stored while the small ones are still crawled and the two crawl
    slots end close together. Sources never crawled come first, those published as feeds before those
    crawled page by page (a feed's bytes are listings, a page's mostly markup: Class Central's 3 MB of
    pages hold fewer listings than Mastersportal's 1 MB workbook); in a replay, each the largest in the
    archive first."""
    latest = (select(CrawlRun.source, CrawlRun.items)
              .where(CrawlRun.status == "ok", CrawlRun.source.in_(sources))
              .order_by(CrawlRun.id.desc()).limit(len(sources) * RUNS_KEPT))
    items: dict[str, int] = {}
    with reader_session(engine) as session:
        for name, count in session.execute(latest):
            items.setdefault(name, count)
    archived = _archived_bytes(replay, [name for name in sources if name not in items]) if replay else {}
    return sorted(sources, key=lambda name: (name in items, name not in items and _crawled_page_by_page(name),
                                             -items.get(name, archived.get(name, 0)), name))  # fmt: skip


def _crawled_page_by_page(name: str) -> bool:
    return name in SOURCES and not SOURCES[name].feeds


def _archived_bytes(replay: Path, sources: list[str]) -> dict[str, int]:
    archive = ReplayArchive.open(replay)
    known = [name for name in sources if name in SOURCES]  # an unknown one fails in its own crawl
    return {name: sum(archive.size(url) for url in archive.urls() if SOURCES[name].accepts(url)) for name in known}


def _open_runs(engine: Engine, run_id: str, sources: list[str]) -> dict[str, int]:
    """Open this run's crawl runs, closing as interrupted those a killed run of these sources left open.
    (A run of the same source still going elsewhere would be marked interrupted too, until it closes
    its own row with its real outcome.)"""
    with writer_session(engine) as session:
        if interrupted := close_interrupted_runs(session, sources):
            get_run_logger().warning("%d crawl runs a killed run left open: closed as interrupted", interrupted)
        return {source: open_run(session, run_id, source).id for source in sources}

"""A crawl that fails is recorded as failed with a one-line reason; it does not take the run down."""

import pytest

from crawlers.registry import SOURCES
from flows.crawl import CrawlFailed, crawl_source
from flows.run import largest_first
from flows.store import record_failure
from pipeline.store.db import make_engine, reader_session, writer_session
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import RunOutcome, close_run, open_run
from pipeline.store.schema import CrawlRun
from tests.warc import write_capture

CAPTURED = "2026-11-01T00:00:00Z"


@pytest.fixture
def engine(tmp_path):
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def archive_of_feeds(path, sizes: dict[str, int]):
    """A WARC holding, at each source's first feed URL, a body of that many bytes."""
    for source, size in sizes.items():
        write_capture(path, SOURCES[source].feeds[0], b"x" * size, [("Content-Type", "text/csv")], CAPTURED)
    return path


def test_a_spider_that_cannot_run_raises_a_one_line_reason(tmp_path):
    with pytest.raises(CrawlFailed) as failed:
        crawl_source.fn("no-such-source", tmp_path, None)
    message = str(failed.value)
    assert message.startswith("no-such-source: spider exited 1")
    assert "\n" not in message


def test_a_failed_crawl_is_recorded_with_its_message(engine):
    with writer_session(engine) as session:
        run_id = open_run(session, "run-1", "coursera").id
    outcome = record_failure(engine, run_id, "coursera: spider exited 1: KeyError")
    with reader_session(engine) as session:
        run = session.get_one(CrawlRun, run_id)
        assert (run.status, run.errors, run.message) == ("failed", 1, "coursera: spider exited 1: KeyError")
        assert run.finished is not None
    assert outcome.status == "failed"


def test_the_largest_sources_start_first_and_new_ones_before_them(engine):
    with writer_session(engine) as session:
        for source, items in (("ds-colleges", 632), ("udemy-catalog", 16429), ("coursera", 48),
                              ("ds-colleges", 5)):  # the latest run counts
            close_run(session, open_run(session, "run-1", source), RunOutcome(status="ok", items=items))
    order = largest_first(engine, ["coursera", "ds-colleges", "mastersportal", "udemy-catalog"])
    assert order == ["mastersportal", "udemy-catalog", "coursera", "ds-colleges"]


def test_in_a_replay_sources_never_crawled_start_by_the_bytes_archived_for_them(engine, tmp_path):
    archive = archive_of_feeds(tmp_path / "archive.warc.gz", {"ds-colleges": 100, "mastersportal": 5000,
                                                              "udemy-catalog": 800})  # fmt: skip
    with writer_session(engine) as session:  # a source crawled before goes by its items, after the new ones
        close_run(session, open_run(session, "run-1", "udemy-catalog"), RunOutcome(status="ok", items=16429))
    order = largest_first(engine, ["coursera", "ds-colleges", "mastersportal", "udemy-catalog"], archive)
    assert order == ["mastersportal", "ds-colleges", "coursera", "udemy-catalog"]


def test_in_a_replay_sources_never_crawled_start_with_the_feeds_then_the_pages(engine, tmp_path):
    archive = tmp_path / "archive.warc.gz"
    pages = "https://www.classcentral.com/subject/machine-learning"
    assert SOURCES["classcentral"].accepts(pages)
    write_capture(archive, pages, b"<html>" + b"x" * 9000, [("Content-Type", "text/html")], CAPTURED)
    archive_of_feeds(archive, {"ds-colleges": 100, "mastersportal": 5000})
    order = largest_first(engine, ["classcentral", "ds-colleges", "mastersportal"], archive)
    assert order == ["mastersportal", "ds-colleges", "classcentral"]

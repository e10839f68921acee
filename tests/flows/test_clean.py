"""Cleaning in a process of its own: a completed crawl's feed is cleaned there as soon as the crawl ends;
a failed crawl is ready at once with nothing to clean; a feed that cannot be cleaned fails its store."""

import json
from concurrent.futures import Future
from types import SimpleNamespace

import pytest
from prefect.states import Completed, Failed

from flows.clean import Cleaning, cleaning_process
from flows.crawl import CrawlOutput

WAIT_SECONDS = 60

# Shaped like a Udacity feed item (crawlers/parsers/udacity.py).
ITEM = {
    "source": "udacity", "source_id": "nd229", "url": "https://www.udacity.com/course/intro-to-machine-learning--nd229",
    "title": "Intro to Machine Learning with PyTorch", "provider": "Udacity", "credential": "Nanodegree",
    "description": "Supervised and unsupervised machine learning with PyTorch.", "duration": "3 months",
    "fetched_at": "2026-11-01T00:00:00+00:00",
}


def crawled(state) -> SimpleNamespace:
    """A stand-in for the crawl task's future (Prefect's runs its task in a thread; here it has ended)."""
    future = Future()
    future.set_result(state)
    return SimpleNamespace(wrapped_future=future)


@pytest.fixture(scope="module")
def cleaner():
    with cleaning_process() as process:
        yield process


def test_a_completed_crawl_is_cleaned_line_by_line_a_broken_line_rejected(cleaner, tmp_path):
    feed = tmp_path / "udacity.jsonl"
    feed.write_text(json.dumps(ITEM) + "\n" + '{"source": "udacity", "title": \n', encoding="utf-8")
    state = Completed(data=CrawlOutput(source="udacity", feed=feed, report={}))
    cleaning = Cleaning(crawled(state), cleaner)
    assert cleaning.ready.result(timeout=WAIT_SECONDS) is state
    cleaned = cleaning.feed.result(timeout=WAIT_SECONDS)
    assert [program.title for program in cleaned.programs] == ["Intro to Machine Learning with PyTorch"]
    assert [rejection.reason for rejection in cleaned.rejections] == ["malformed feed line 2"]


def test_a_failed_crawl_is_ready_at_once_with_no_feed(cleaner):
    state = Failed(message="udacity: spider exited 1")
    cleaning = Cleaning(crawled(state), cleaner)
    assert cleaning.ready.result(timeout=WAIT_SECONDS) is state
    assert cleaning.feed is None


def test_a_feed_that_cannot_be_read_fails_with_the_reason(cleaner, tmp_path):
    missing = tmp_path / "gone.jsonl"
    cleaning = Cleaning(crawled(Completed(data=CrawlOutput(source="udacity", feed=missing, report={}))), cleaner)
    cleaning.ready.result(timeout=WAIT_SECONDS)
    with pytest.raises(FileNotFoundError, match="gone.jsonl"):
        cleaning.feed.result(timeout=WAIT_SECONDS)

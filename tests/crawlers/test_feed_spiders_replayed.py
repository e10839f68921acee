"""Each CSV feed spider, run for real (`scrapy crawl` in a subprocess) against the replay archive."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import REPO

CRAWL_TIMEOUT_SECONDS = 120

# source -> (items, dropped by reason) when replayed from archive/catalog.warc.gz
EXPECTED = {
    "coursera-catalog": (1113, {"duplicate_row": 22, "misaligned_columns": 4}),
    "edx-catalog": (974, {}),
    "udemy-catalog": (16429, {}),
    "ds-colleges": (632, {}),
}


@dataclass(frozen=True)
class Crawl:
    returncode: int
    items: list[dict]
    report: dict
    log: str


@cache
def crawl_every_feed(archive: Path, out: Path) -> dict[str, Crawl]:
    """All five crawls at once (they are independent processes), each waited for with a timeout."""
    running = {source: start_crawl(source, archive, out) for source in EXPECTED}
    for process in running.values():
        process.wait(timeout=CRAWL_TIMEOUT_SECONDS)
    return {source: read_crawl(source, process.returncode, out) for source, process in running.items()}


def start_crawl(source: str, archive: Path, out: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "scrapy", "crawl", source,
        "-s", f"REPLAY_PATH={archive}",
        "-s", f"CRAWL_REPORT_PATH={out / f'{source}.report.json'}",
        "-s", f"LOG_FILE={out / f'{source}.log'}",
        "-O", f"{out / f'{source}.jsonl'}:jsonlines",
    ]
    environment = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawlers.settings"}
    return subprocess.Popen(command, cwd=REPO, env=environment, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def read_crawl(source: str, returncode: int, out: Path) -> Crawl:
    feed, report, log = (out / f"{source}.{suffix}" for suffix in ("jsonl", "report.json", "log"))
    return Crawl(
        returncode=returncode,
        items=[json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()] if feed.exists() else [],
        report=json.loads(report.read_text()) if report.exists() else {},
        log=log.read_text(errors="replace") if log.exists() else "",
    )


@pytest.fixture(scope="module")
def crawl_output(tmp_path_factory):
    return tmp_path_factory.mktemp("replayed-feeds")


@pytest.fixture
def replayed(corpus, crawl_output):
    return crawl_every_feed(corpus("archive/catalog.warc.gz"), crawl_output)


@pytest.mark.parametrize("source", EXPECTED)
def test_the_spider_replays_its_feed_into_items_and_a_report(source, replayed):
    crawl = replayed[source]
    items, dropped = EXPECTED[source]
    assert crawl.returncode == 0, crawl.log[-2000:]
    assert crawl.report == {
        "source": source, "pages": 1, "items": items, "dropped": dropped, "errors": 0, "finish_reason": "finished",
    }
    assert len(crawl.items) == items
    assert {item["source"] for item in crawl.items} == {source}
    assert len({item["source_id"] for item in crawl.items}) == items
    assert all(item["title"] and item["url"] and item["fetched_at"] for item in crawl.items)
    # one request, answered from the archive: nothing went to the network
    assert "'replay/hit': 1" in crawl.log and "replay/miss" not in crawl.log

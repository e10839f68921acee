"""Each feed spider, run for real (`scrapy crawl` in a subprocess) against the replay archive."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from crawlers.registry import SOURCES
from tests.conftest import REPO

CRAWL_TIMEOUT_SECONDS = 120

# source -> (items, distinct source ids, dropped by reason) when replayed from archive/catalog.warc.gz.
# Every readable row is an item, repeats included (the catalogue merges them).
EXPECTED = {
    "coursera-catalog": (1135, 1113, {"misaligned_columns": 4}),
    "edx-catalog": (974, 974, {}),
    "udemy-catalog": (16429, 16429, {}),
    "ds-colleges": (632, 632, {}),
    "mastersportal": (5094, 4391, {}),  # 694 (2019) + 4,400 (2025) rows
    # 3,522 workbook courses + 475 programs + 2,183 program courses; 890 workbook courses are in programs
    "coursera-courses": (6180, 4997, {}),
    "udacity": (198, 193, {}),  # 177 courses (5 listed twice) and 21 nanodegrees
    "futurelearn": (514, 514, {}),
}


@dataclass(frozen=True)
class Crawl:
    returncode: int
    items: list[dict]
    report: dict
    log: str


@cache
def crawl_every_feed(archive: Path, out: Path) -> dict[str, Crawl]:
    """All crawls at once (they are independent processes), each waited for with a timeout."""
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
        items=read_json_lines(feed) if feed.exists() else [],
        report=json.loads(report.read_text()) if report.exists() else {},
        log=log.read_text(errors="replace") if log.exists() else "",
    )


def read_json_lines(feed: Path) -> list[dict]:
    """One item per line as the flow reads them (split at "\\n" only: str.splitlines would also split
    at the U+2028 some descriptions hold)."""
    with feed.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def crawl_output(tmp_path_factory):
    return tmp_path_factory.mktemp("replayed-feeds")


@pytest.fixture
def replayed(corpus, crawl_output):
    return crawl_every_feed(corpus("archive/catalog.warc.gz"), crawl_output)


@pytest.mark.parametrize("source", EXPECTED)
def test_the_spider_replays_its_feed_into_items_and_a_report(source, replayed):
    crawl = replayed[source]
    items, distinct_ids, dropped = EXPECTED[source]
    feeds = len(SOURCES[source].feeds)
    assert crawl.returncode == 0, crawl.log[-2000:]
    coverage = crawl.report.pop("coverage")
    assert crawl.report == {
        "source": source, "pages": feeds, "items": items, "dropped": dropped, "errors": 0, "finish_reason": "finished",
    }
    assert (coverage["title"], coverage["link"]) == (1.0, 1.0)  # every item has both (asserted below)
    assert len(crawl.items) == items
    assert {item["source"] for item in crawl.items} == {source}
    assert len({item["source_id"] for item in crawl.items}) == distinct_ids
    assert all(item["title"] and item["url"] and item["fetched_at"] for item in crawl.items)
    # one request per feed, answered from the archive: nothing went to the network
    assert f"'replay/hit': {feeds}" in crawl.log and "replay/miss" not in crawl.log

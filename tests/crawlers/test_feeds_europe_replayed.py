"""The mastersportal and studyineurope spiders, run for real (`scrapy crawl` in a subprocess) against the
replay archive: every row of every feed they read becomes an item (or a counted drop)."""

from functools import cache
from pathlib import Path

import pytest

from tests.crawlers.test_feed_spiders_replayed import CRAWL_TIMEOUT_SECONDS, Crawl, read_crawl, start_crawl

ROWS = {"CS.csv": 694, "CS_master_program_details_top35_countries.csv": 4400, "programs.csv": 18087}


@cache
def crawl_both(archive: Path, out: Path) -> dict[str, Crawl]:
    running = {source: start_crawl(source, archive, out) for source in ("mastersportal", "studyineurope")}
    for process in running.values():
        process.wait(timeout=CRAWL_TIMEOUT_SECONDS)
    return {source: read_crawl(source, process.returncode, out) for source, process in running.items()}


@pytest.fixture(scope="module")
def crawl_output(tmp_path_factory):
    return tmp_path_factory.mktemp("replayed-feeds-europe")


@pytest.fixture
def replayed(corpus, crawl_output):
    return crawl_both(corpus("archive/catalog.warc.gz"), crawl_output)


def test_mastersportal_replays_both_feeds_each_row_an_item_or_a_counted_drop(replayed):
    crawl = replayed["mastersportal"]
    assert crawl.returncode == 0, crawl.log[-2000:]
    assert (crawl.report["pages"], crawl.report["errors"], crawl.report["finish_reason"]) == (2, 0, "finished")
    assert crawl.report["items"] == len(crawl.items)
    # the 2019 feed's parser may still drop its repeated rows (8): counted, never lost
    assert crawl.report["items"] + sum(crawl.report["dropped"].values()) == ROWS["CS.csv"] + ROWS[
        "CS_master_program_details_top35_countries.csv"
    ]
    newer = [item for item in crawl.items if item["url"].startswith("https://www.mastersportal.com/studies/")]
    assert len(newer) == 4400
    assert {item["fetched_at"] for item in newer} == {"2026-02-15T17:35:18+00:00"}  # the capture's date
    assert "'replay/hit': 2" in crawl.log and "replay/miss" not in crawl.log


def test_studyineurope_replays_every_row_as_an_item(replayed):
    crawl = replayed["studyineurope"]
    assert crawl.returncode == 0, crawl.log[-2000:]
    coverage = crawl.report.pop("coverage")
    titled = sum(bool(item.get("title")) for item in crawl.items)
    assert coverage["title"] == round(titled / 18087, 3) and titled == 18087 - 524  # Lithuania's rows have none
    assert crawl.report == {
        "source": "studyineurope", "pages": 1, "items": 18087, "dropped": {}, "errors": 0,
        "finish_reason": "finished",
    }  # fmt: skip
    assert len(crawl.items) == 18087
    assert {item["source"] for item in crawl.items} == {"studyineurope"}
    assert sum(bool(item["extra"].get("repeated_row")) for item in crawl.items) == 1148
    assert "'replay/hit': 1" in crawl.log and "replay/miss" not in crawl.log

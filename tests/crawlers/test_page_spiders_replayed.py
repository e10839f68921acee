"""The page spiders replayed from the real archive: every listing the archive holds is an item,
every capture of a URL is read, nothing is dropped and nothing goes to the network."""

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from tests.conftest import REPO


def replay(spider: str, archive, out) -> tuple[list[dict], dict]:
    feed, report = out / f"{spider}.jsonl", out / f"{spider}.report.json"
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(feed), "-s", f"REPLAY_PATH={archive}",
               "-s", f"CRAWL_REPORT_PATH={report}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawlers.settings"}
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    return [json.loads(line) for line in feed.read_text().splitlines()], json.loads(report.read_text())


@pytest.fixture
def archive(corpus):
    return corpus("archive/catalog.warc.gz")


def test_coursera_reads_both_captures_of_its_search_page(archive, tmp_path):
    items, report = replay("coursera", archive, tmp_path)

    per_capture = Counter((item["fetched_at"][:10], item["extra"].get("listing", "card")) for item in items)
    assert per_capture == {
        ("2020-06-14", "card"): 10, ("2020-06-14", "site_menu"): 21 + 16,
        ("2020-07-15", "card"): 10, ("2020-07-15", "site_menu"): 21 + 17,
    }
    assert (report["pages"], report["items"], report["dropped"], report["errors"]) == (2, 95, {}, 0)


def test_classcentral_yields_every_course_of_its_listings_the_course_and_the_report_rows(archive, tmp_path):
    items, report = replay("classcentral", archive, tmp_path)

    per_page = Counter(item["extra"].get("listed_on", item["url"]).rstrip("/").rsplit("/", 1)[-1] for item in items)
    assert per_page == {"machine-learning": 22, "ai": 23, "data-science": 24,
                        "edx-cybersecurity-fundamentals-7844": 1, "mooc-based-masters-degree": 84}
    assert (report["pages"], report["items"], report["dropped"], report["errors"]) == (5, 154, {}, 0)
    assert report["coverage"]["title"] == 1.0

"""The scorecard spider: replayed for real from the archive, and what it does with bad or missing input."""

import json
import logging
import os
import subprocess
import sys

import pytest
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

from crawlers.spiders.scorecard import ScorecardSpider, is_institution_file
from tests.conftest import REPO, corpus_path

CRAWL_TIMEOUT_SECONDS = 180


def make_spider(**settings):
    crawler = get_crawler(ScorecardSpider, settings)
    return ScorecardSpider.from_crawler(crawler), crawler.stats


@pytest.fixture(scope="module")
def replayed(tmp_path_factory):
    archive, out = corpus_path("archive/catalog.warc.gz"), tmp_path_factory.mktemp("scorecard")
    command = [
        sys.executable, "-m", "scrapy", "crawl", "scorecard", "-s", f"REPLAY_PATH={archive}",
        "-s", f"CRAWL_REPORT_PATH={out / 'report.json'}", "-s", f"LOG_FILE={out / 'log'}",
        "-O", f"{out / 'items.jsonl'}:jsonlines",
    ]  # fmt: skip
    environment = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawlers.settings"}
    process = subprocess.run(command, cwd=REPO, env=environment, stdin=subprocess.DEVNULL, capture_output=True,
                             timeout=CRAWL_TIMEOUT_SECONDS, check=False)
    log = (out / "log").read_text(errors="replace") if (out / "log").exists() else process.stderr.decode()
    assert process.returncode == 0, log[-2000:]
    items = [json.loads(line) for line in (out / "items.jsonl").read_text(encoding="utf-8").splitlines()]
    return items, json.loads((out / "report.json").read_text()), log


def test_the_replay_yields_every_program_in_the_fields_and_counts_the_rest(replayed):
    items, report, log = replayed
    coverage = report.pop("coverage")
    assert (coverage["title"], coverage["link"]) == (1.0, 1.0)
    assert coverage["cost"] == round(sum(bool(item.get("price")) for item in items) / 7303, 3)
    assert report == {
        "source": "scorecard", "pages": 2, "items": 7303, "dropped": {"missing_unitid": 105}, "errors": 0,
        "finish_reason": "finished",
    }  # fmt: skip
    assert len(items) == len({item["source_id"] for item in items}) == 7303
    assert "'scorecard/rows_other_fields': 209230" in log and "'scorecard/rows_in_fields': 7408" in log
    assert "'scorecard/institutions': 6429" in log
    assert "'replay/hit': 2" in log and "replay/miss" not in log


def test_the_institution_file_is_read_before_the_field_of_study_file(replayed):
    items, _, log = replayed
    institution_read = log.index("MERGED2023_24_PP.csv.bz2: 6429 read")
    assert institution_read < log.index("FieldOfStudyData1516_1617_PP.csv.bz2: 7303 read")
    # joined: tuition and site from the institution file
    yale = next(item for item in items if item["source_id"] == "130794/1101/3")
    assert (yale["url"], yale["price"], yale["extra"]["state"]) == ("https://www.yale.edu/", 64700, "CT")


def test_feeds_are_told_apart_by_file_name():
    institution, field_of_study = ScorecardSpider.declared().feeds
    assert is_institution_file(institution) and not is_institution_file(field_of_study)


def test_without_an_api_key_the_live_crawl_logs_one_line_and_requests_nothing(monkeypatch, caplog):
    monkeypatch.delenv("SCORECARD_API_KEY", raising=False)
    spider, _ = make_spider()
    with caplog.at_level(logging.WARNING):
        assert list(spider.api_requests()) == []
    [line] = [record.getMessage() for record in caplog.records]
    assert line == "SCORECARD_API_KEY is not set: College Scorecard API skipped, nothing crawled"


def test_with_a_key_the_api_is_asked_for_the_ml_fields_and_the_key_stays_out_of_the_url(monkeypatch):
    monkeypatch.setenv("SCORECARD_API_KEY", "secret-key")
    spider, _ = make_spider()
    [request] = spider.api_requests()
    assert request.headers["X-Api-Key"] == b"secret-key" and "secret-key" not in request.url
    assert request.url.startswith("https://api.data.gov/ed/collegescorecard/v1/schools.json?")
    codes = "1101%2C1102%2C1104%2C1107%2C2703%2C2705%2C3008%2C3030%2C3070%2C3071"
    assert f"latest.programs.cip_4_digit.code={codes}" in request.url


def test_an_error_page_or_an_unreadable_file_is_a_counted_drop_and_the_crawl_goes_on(caplog):
    spider, stats = make_spider()
    institution, field_of_study = ScorecardSpider.declared().feeds
    spider.field_of_study_files = [field_of_study]
    requests = list(spider.parse_institutions(Response(institution, status=404, request=Request(institution))))
    assert [request.url for request in requests] == [field_of_study]  # the field-of-study file is still read
    with caplog.at_level(logging.ERROR):
        assert list(spider.parse(Response(field_of_study, body=b"<html>rate limited</html>",
                                          request=Request(field_of_study)))) == []
    assert stats.get_value("dropped/http_404") == 1
    assert stats.get_value("dropped/unreadable_feed") == 1
    assert "Feed unreadable" in caplog.text

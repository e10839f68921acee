"""What the feed spiders do besides parsing: dispatch by file, HTTP error pages, a changed or empty feed,
the fetch time."""

import logging
from datetime import UTC, datetime, timedelta

import pytest
from scrapy.http import Request, Response, TextResponse
from scrapy.utils.test import get_crawler

from crawlers.fetch_time import fetch_time
from crawlers.spiders.coursera_catalog import CourseraCatalogSpider
from crawlers.spiders.coursera_courses import CourseraCoursesSpider
from crawlers.spiders.ds_colleges import DsCollegesSpider
from crawlers.spiders.edx_catalog import EdxCatalogSpider
from crawlers.spiders.feed import feed_file_name
from crawlers.spiders.futurelearn import FutureLearnSpider
from crawlers.spiders.mastersportal import MastersportalSpider
from crawlers.spiders.udacity import UdacitySpider
from crawlers.spiders.udemy_catalog import UdemyCatalogSpider

FEED_SPIDERS = [
    CourseraCatalogSpider, EdxCatalogSpider, UdemyCatalogSpider, DsCollegesSpider, MastersportalSpider,
    CourseraCoursesSpider, UdacitySpider, FutureLearnSpider,
]


def make_spider(spider_class, **settings):
    crawler = get_crawler(spider_class, settings)
    return spider_class.from_crawler(crawler), crawler.stats


def csv_response(url, body: bytes, **headers):
    return TextResponse(url, body=body, headers={"Content-Type": "text/csv; charset=utf-8", **headers},
                        request=Request(url))


@pytest.mark.parametrize("spider_class", FEED_SPIDERS, ids=lambda cls: cls.name)
def test_replay_starts_from_exactly_the_archived_feed(spider_class, corpus):
    spider, _ = make_spider(spider_class, REPLAY_PATH=str(corpus("archive/catalog.warc.gz")))
    assert spider.start_urls_for_run() == list(spider_class.declared().live_urls)


@pytest.mark.parametrize("status", [404, 500])
def test_an_http_error_page_is_counted_as_a_drop(status):
    spider, stats = make_spider(EdxCatalogSpider)
    url = EdxCatalogSpider.declared().feeds[0]
    assert status in spider.handle_httpstatus_list
    assert list(spider.parse(Response(url, status=status, request=Request(url)))) == []
    assert stats.get_value(f"dropped/http_{status}") == 1


def test_a_changed_feed_is_dropped_whole_with_an_error_naming_the_columns(corpus, caplog):
    spider, stats = make_spider(MastersportalSpider)
    real = corpus("datasets/mastersportal_cs_masters_694.csv").read_text(encoding="utf-8")
    changed = real.replace("Tuition fee /USD", "Tuition fee /EUR", 1)
    with caplog.at_level(logging.ERROR):
        items = list(spider.parse(csv_response(MastersportalSpider.declared().feeds[0], changed.encode())))
    assert items == []
    assert stats.get_value("dropped/unexpected_columns") == 1
    [error] = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert "missing columns: Tuition fee /USD" in error.getMessage()


def test_every_row_of_one_feed_is_an_item_repeats_included(corpus):
    spider, stats = make_spider(MastersportalSpider)
    body = corpus("datasets/mastersportal_cs_masters_694.csv").read_bytes()
    items = list(spider.parse(csv_response(MastersportalSpider.declared().feeds[0], body)))
    assert len(items) == 694
    assert len({item["source_id"] for item in items}) == 686  # 8 rows repeat an earlier one
    assert not [key for key in stats.get_stats() if key.startswith("dropped/")]
    assert {item["source"] for item in items} == {"mastersportal"}


@pytest.mark.parametrize("spider_class", FEED_SPIDERS, ids=lambda cls: cls.name)
def test_every_feed_of_the_source_has_its_parser(spider_class):
    assert set(spider_class.feed_parsers) == {feed_file_name(url) for url in spider_class.declared().feeds}


def test_a_feed_file_without_a_parser_is_a_counted_drop_with_a_warning(caplog):
    spider, stats = make_spider(EdxCatalogSpider)
    url = "https://raw.githubusercontent.com/o/r/0123abc/edx_courses_2024.csv"
    with caplog.at_level(logging.WARNING):
        assert list(spider.parse(csv_response(url, b"title\nA course\n"))) == []
    assert stats.get_value("dropped/unknown_feed") == 1
    [warning] = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert warning == f"{url}: 0 items, dropped {{'unknown_feed': 1}}"


@pytest.mark.parametrize("body", [b"", b"\r\n  \n"], ids=["empty", "blank"])
def test_an_empty_body_is_a_counted_drop_with_one_warning(body, caplog):
    spider, stats = make_spider(EdxCatalogSpider)
    with caplog.at_level(logging.WARNING):
        assert list(spider.parse(csv_response(EdxCatalogSpider.declared().feeds[0], body))) == []
    assert stats.get_value("dropped/empty_feed") == 1
    assert len([record for record in caplog.records if record.levelno >= logging.WARNING]) == 1


def test_a_feed_with_bad_rows_logs_one_warning_and_yields_the_rest(corpus, caplog):
    spider, stats = make_spider(MastersportalSpider)
    header, *rows = corpus("datasets/mastersportal_cs_masters_694.csv").read_bytes().splitlines(keepends=True)[:4]
    body = header + rows[0] + b"1,short row\n" + b"2,too,many," * 5 + b"\n" + rows[1] + rows[2]
    with caplog.at_level(logging.INFO):
        items = list(spider.parse(csv_response(MastersportalSpider.declared().feeds[0], body)))
    assert len(items) == 3
    assert stats.get_value("dropped/wrong_column_count") == 2
    [warning] = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert warning.endswith(": 3 items, dropped {'wrong_column_count': 2}")


def test_the_feed_file_name_is_the_last_part_of_the_url_path():
    url = "https://raw.githubusercontent.com/sriyanope/IS450-Project/b57602ae/data/prog_scraped.csv"
    assert feed_file_name(url) == "prog_scraped.csv"
    assert feed_file_name("https://example.org/feeds/udacity.json?page=2") == "udacity.json"


def test_fetched_at_is_the_date_header_in_utc():
    url = "https://example.org/feed.csv"
    response = csv_response(url, b"", Date="Wed, 15 Jul 2020 23:12:08 GMT")
    assert fetch_time(response) == "2020-07-15T23:12:08+00:00"


def test_fetched_at_is_now_without_a_date_header():
    before = datetime.now(UTC).replace(microsecond=0)
    moment = datetime.fromisoformat(fetch_time(csv_response("https://example.org/feed.csv", b"")))
    assert moment.utcoffset() == timedelta(0)
    assert before <= moment <= datetime.now(UTC)

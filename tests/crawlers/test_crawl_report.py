"""CrawlReport: the figures of a crawl, as JSON, when the spider closes."""

import json

import pytest
from scrapy import Spider
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawlers.crawl_report import CrawlReport, crawl_report
from crawlers.items import ProgramItem


def test_the_report_gathers_pages_items_drops_and_errors():
    stats = {
        "response_received_count": 3,
        "robotstxt/response_count": 1,
        "item_scraped_count": 686,
        "dropped/duplicate_row": 8,
        "dropped/http_404": 1,
        "log_count/ERROR": 2,
        "spider_exceptions/count": 1,
        "replay/hit": 2,
    }
    assert crawl_report("mastersportal", stats, "finished") == {
        "source": "mastersportal",
        "pages": 2,  # the robots.txt answer is not a page
        "items": 686,
        "coverage": {"title": 0.0, "provider": 0.0, "link": 0.0, "cost": 0.0, "duration": 0.0, "level": 0.0},
        "dropped": {"duplicate_row": 8, "http_404": 1},
        "errors": 2,  # the spider exception was also logged at ERROR: counted once
        "finish_reason": "finished",
    }


def test_an_empty_crawl_reports_zeros():
    assert crawl_report("edx-catalog", {}, "shutdown") == {
        "source": "edx-catalog", "pages": 0, "items": 0, "coverage": {}, "dropped": {}, "errors": 0,
        "finish_reason": "shutdown",
    }


def test_spider_exceptions_count_when_errors_are_not_logged():
    assert crawl_report("x", {"spider_exceptions/count": 3}, "finished")["errors"] == 3


def test_the_report_is_written_when_the_spider_closes(tmp_path):
    path = tmp_path / "runs" / "edx-catalog.report.json"
    crawler = get_crawler(settings_dict={"CRAWL_REPORT_PATH": str(path)})
    extension = CrawlReport.from_crawler(crawler)
    crawler.stats.set_value("item_scraped_count", 974)
    extension.spider_closed(Spider(name="edx-catalog"), "finished")
    assert json.loads(path.read_text())["items"] == 974


def test_no_report_path_leaves_the_extension_off():
    with pytest.raises(NotConfigured):
        CrawlReport.from_crawler(get_crawler(settings_dict={"CRAWL_REPORT_PATH": ""}))


def test_coverage_is_the_share_of_items_stating_each_watched_field(tmp_path):
    path = tmp_path / "coursera.report.json"
    crawler = get_crawler(settings_dict={"CRAWL_REPORT_PATH": str(path)})
    extension = CrawlReport.from_crawler(crawler)
    spider = Spider(name="coursera")
    items = [
        ProgramItem(title="A", provider="Google", url="https://x/a", price="$49", duration="4 weeks", level="Beginner"),
        ProgramItem(title="B", provider="", url="https://x/b", skills=[]),
        ProgramItem(title="C", url="https://x/c", level=None),
        ProgramItem(title="D", url="https://x/d", price=0),  # a stated price of zero is a price
    ]
    for item in items:
        extension.item_scraped(item, spider)
    crawler.stats.set_value("item_scraped_count", len(items))
    extension.spider_closed(spider, "finished")

    assert json.loads(path.read_text())["coverage"] == {
        "title": 1.0, "provider": 0.25, "link": 1.0, "cost": 0.5, "duration": 0.25, "level": 0.25,
    }

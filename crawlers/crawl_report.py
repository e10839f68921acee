"""CrawlReport: when a spider closes, write its figures as JSON to CRAWL_REPORT_PATH.

{"source", "pages", "items", "coverage": {field: share}, "dropped": {reason: count}, "errors",
"finish_reason"}: what a run fetched, what it yielded, how many of its items state each field that
matters (a share that falls means the site changed its markup), what it could not use and why.
Spiders record a drop with ``self.crawler.stats.inc_value(f"dropped/{reason}")``.
"""

from __future__ import annotations

import json
from pathlib import Path

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector

DROPPED_PREFIX = "dropped/"
COVERAGE_PREFIX = "coverage/"
# The fields a source's health watches, as the report names them, and the item field holding each.
COVERED_FIELDS = {"title": "title", "provider": "provider", "link": "url", "cost": "price",
                  "duration": "duration", "level": "level"}


class CrawlReport:
    def __init__(self, path: Path, stats: StatsCollector):
        self.path = path
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlReport:
        path = crawler.settings.get("CRAWL_REPORT_PATH")
        if not path:
            raise NotConfigured("CRAWL_REPORT_PATH is not set")
        extension = cls(Path(path), crawler.stats)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        return extension

    def item_scraped(self, item, spider: Spider) -> None:
        for name, field in COVERED_FIELDS.items():
            if item.get(field) not in (None, "", [], {}):
                self.stats.inc_value(f"{COVERAGE_PREFIX}{name}")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(crawl_report(spider.name, self.stats.get_stats(), reason), indent=2) + "\n")


def crawl_report(source: str, stats: dict, finish_reason: str) -> dict:
    return {
        "source": source,
        "pages": _pages(stats),
        "items": stats.get("item_scraped_count", 0),
        "coverage": coverage(stats),
        "dropped": _dropped(stats),
        "errors": _errors(stats),
        "finish_reason": finish_reason,
    }


def coverage(stats: dict) -> dict[str, float]:
    """The share of items stating each watched field, 0 to 1 (empty when no item was yielded)."""
    items = stats.get("item_scraped_count", 0)
    if not items:
        return {}
    return {name: round(stats.get(f"{COVERAGE_PREFIX}{name}", 0) / items, 3) for name in COVERED_FIELDS}


def _dropped(stats: dict) -> dict[str, int]:
    reasons = sorted(key for key in stats if key.startswith(DROPPED_PREFIX))
    return {key.removeprefix(DROPPED_PREFIX): stats[key] for key in reasons}


def _pages(stats: dict) -> int:
    # robots.txt answers are responses too, but not pages of the source.
    return stats.get("response_received_count", 0) - stats.get("robotstxt/response_count", 0)


def _errors(stats: dict) -> int:
    logged = stats.get("log_count/ERROR", 0) + stats.get("log_count/CRITICAL", 0)
    # Scrapy logs every spider exception at ERROR as well: take the larger count, not the sum, so an
    # exception counts once, and still counts when the log level hides errors.
    return max(logged, stats.get("spider_exceptions/count", 0))

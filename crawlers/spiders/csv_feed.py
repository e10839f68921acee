"""What every CSV feed spider shares: fetch one feed, hand its text to the source's parser, count drops."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from scrapy.http import Response, TextResponse

from crawlers.fetch_time import fetch_time
from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped
from crawlers.spiders.base import CatalogSpider

FeedParser = Callable[[str, str, str], Iterable[ProgramItem | Dropped]]


class CsvFeedSpider(CatalogSpider):
    """A source published as one CSV file.

    Subclasses set ``name``, ``live_urls``, ``replay_patterns`` and ``parse_feed``, the source's parser
    as a staticmethod: (csv text, feed URL, fetch time) -> items and drops.
    """

    parse_feed: FeedParser

    def parse(self, response: Response, **kwargs) -> Iterator[ProgramItem]:
        if self.is_error_page(response):
            return
        drops: Counter[str] = Counter()
        items = 0
        for result in self.parse_feed(feed_text(response), response.url, fetch_time(response)):
            if isinstance(result, Dropped):
                self.record_drop(result.reason, f"{response.url}: {result.detail}")
                drops[result.reason] += 1
            else:
                items += 1
                yield result
        self.logger.info("%s: %d items, dropped %s", response.url, items, dict(drops) or "none")

    def record_drop(self, reason: str, detail: str = "") -> None:
        super().record_drop(reason, detail)
        if reason == "unexpected_columns":
            # The feed changed shape: nothing was read from it, and that must be visible.
            self.logger.error("Feed dropped whole, its header changed: %s", detail)


def feed_text(response: Response) -> str:
    if isinstance(response, TextResponse):
        return response.text
    return response.body.decode("utf-8", errors="replace")

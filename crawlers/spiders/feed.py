"""What every feed spider shares: fetch the source's feeds (registry), hand each body to the parser of
its file, count what could not be read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from scrapy.http import Response

from crawlers.fetch_time import fetch_time
from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped
from crawlers.spiders.base import CatalogSpider

# (body, feed URL, fetch time) -> items and drops
FeedParser = Callable[[bytes, str, str], Iterable[ProgramItem | Dropped]]

# Drops that lose a whole feed: nothing was read from it, and that must be visible as an error.
WHOLE_FEED_ERRORS = frozenset({"unexpected_columns"})


class FeedSpider(CatalogSpider):
    """A source published as files (CSV, xlsx, JSON), its feeds declared in crawlers/registry.py.

    Subclasses set ``name`` and ``feed_parsers``: the parser of each feed, keyed by the file name at
    the end of the feed URL (the part after the last ``/``).
    """

    feed_parsers: dict[str, FeedParser]

    def parse(self, response: Response, **kwargs) -> Iterator[ProgramItem]:
        if self.is_error_page(response):
            return
        file_name = feed_file_name(response.url)
        parser = self.feed_parsers.get(file_name)
        if parser is None:
            results: Iterable[ProgramItem | Dropped] = [Dropped("unknown_feed", f"no parser for {file_name!r}")]
        elif not response.body.strip():
            results = [Dropped("empty_feed", "the body is empty")]
        else:
            results = parser(response.body, response.url, fetch_time(response))
        yield from self.counted(results, response.url)

    def counted(self, results: Iterable[ProgramItem | Dropped], url: str) -> Iterator[ProgramItem]:
        """The items of one feed, its drops counted; one line per feed: a warning when it dropped any."""
        drops: Counter[str] = Counter()
        items = 0
        for result in results:
            if isinstance(result, Dropped):
                self.record_drop(result.reason, f"{url}: {result.detail}")
                drops[result.reason] += 1
            else:
                items += 1
                yield result
        log = self.logger.warning if drops else self.logger.info
        log("%s: %d items, dropped %s", url, items, dict(drops) or "none")

    def record_drop(self, reason: str, detail: str = "") -> None:
        super().record_drop(reason, detail)
        if reason in WHOLE_FEED_ERRORS:
            self.logger.error("Feed dropped whole, its header changed: %s", detail)


def feed_file_name(url: str) -> str:
    """'https://raw.githubusercontent.com/o/r/<commit>/data/prog_scraped.csv' -> 'prog_scraped.csv'."""
    return PurePosixPath(urlsplit(url).path).name

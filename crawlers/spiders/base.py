"""What every mlpath spider shares: where it starts, live or from a replay archive."""

from collections.abc import AsyncIterator

import scrapy

from crawlers.download_errors import download_error_reason
from crawlers.pages.base import unreadable_reason
from crawlers.registry import Source, source
from crawlers.replay import CAPTURE_META, ReplayArchive


class CatalogSpider(scrapy.Spider):
    """A spider over one source. Where it starts, live or in replay (replay crawls what was captured),
    is the source's entry in crawlers/registry.py, found by the spider's name."""

    @classmethod
    def declared(cls) -> Source:
        return source(cls.name)
    # Error pages reach parse() so they are counted as dropped/http_<status> instead of vanishing.
    handle_httpstatus_list = list(range(400, 600))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        replay_path = self.settings.get("REPLAY_PATH")
        for url in self.start_urls_for_run():
            if not replay_path:
                # Filtered like any request, so a crawl resumed from its JOBDIR skips pages it already has.
                yield scrapy.Request(url, callback=self.parse, errback=self.on_download_error)
                continue
            # Every capture of an archived URL is a page the source showed: each is read.
            for captured in ReplayArchive.open(replay_path).captures(url):
                yield scrapy.Request(url, callback=self.parse, dont_filter=True, meta={CAPTURE_META: captured})

    def start_urls_for_run(self) -> list[str]:
        replay_path = self.settings.get("REPLAY_PATH")
        if not replay_path:
            return list(self.declared().live_urls)
        archived = ReplayArchive.open(replay_path).urls()
        return [url for url in archived if self.accepts(url)]

    def accepts(self, url: str) -> bool:
        return self.declared().accepts(url)

    def on_download_error(self, failure) -> None:
        """A page that could not be downloaded, once retries are spent (timeout, reset, too large, endless
        redirects, forbidden by robots.txt): counted as a drop with its reason, in one warning line."""
        reason = download_error_reason(failure.value)
        request = getattr(failure, "request", None)
        self.warn_drop(reason, f"{request.url if request else ''} ({failure.getErrorMessage()})")

    def record_drop(self, reason: str, detail: str = "") -> None:
        """Count a page or row the spider could not use; the crawl report lists drops by reason."""
        self.crawler.stats.inc_value(f"dropped/{reason}")
        self.logger.debug("Dropped (%s): %s", reason, detail)

    def warn_drop(self, reason: str, detail: str = "") -> None:
        """Count a drop and say so in one warning line (a page nobody can read must be visible)."""
        self.crawler.stats.inc_value(f"dropped/{reason}")
        self.logger.warning("Dropped (%s): %s", reason, detail)

    def is_unreadable_page(self, response) -> bool:
        """An error status, a challenge, an empty, truncated or mis-encoded page: warned and counted."""
        reason = unreadable_reason(response)
        if reason is None:
            return False
        self.warn_drop(reason, response.url)
        return True

    def count_broken_structured_data(self, page) -> None:
        if broken := page.broken_structured_data():
            self.crawler.stats.inc_value("dropped/broken_structured_data", broken)

    def is_error_page(self, response) -> bool:
        if response.status < 400:
            return False
        self.record_drop(f"http_{response.status}", response.url)
        return True

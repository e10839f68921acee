"""What every mlpath spider shares: where it starts, live or from a replay archive."""

from collections.abc import AsyncIterator

import scrapy

from crawlers.registry import Source, source
from crawlers.replay import ReplayArchive


class CatalogSpider(scrapy.Spider):
    """A spider over one source. Where it starts, live or in replay (replay crawls what was captured),
    is the source's entry in crawlers/registry.py, found by the spider's name."""

    @classmethod
    def declared(cls) -> Source:
        return source(cls.name)
    # Error pages reach parse() so they are counted as dropped/http_<status> instead of vanishing.
    handle_httpstatus_list = list(range(400, 600))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls_for_run():
            yield scrapy.Request(url, callback=self.parse, dont_filter=True)

    def start_urls_for_run(self) -> list[str]:
        replay_path = self.settings.get("REPLAY_PATH")
        if not replay_path:
            return list(self.declared().live_urls)
        archived = ReplayArchive.open(replay_path).urls()
        return [url for url in archived if self.accepts(url)]

    def accepts(self, url: str) -> bool:
        return self.declared().accepts(url)

    def record_drop(self, reason: str, detail: str = "") -> None:
        """Count a page or row the spider could not use; the crawl report lists drops by reason."""
        self.crawler.stats.inc_value(f"dropped/{reason}")
        self.logger.debug("Dropped (%s): %s", reason, detail)

    def is_error_page(self, response) -> bool:
        if response.status < 400:
            return False
        self.record_drop(f"http_{response.status}", response.url)
        return True

"""schema.org programs from any page it is given. Navigation only: crawlers/parsers/schemaorg.py
reads the pages.

Live: ``scrapy crawl schemaorg -a urls=https://a/x,https://b/y`` or ``-a urls_file=urls.txt`` (one
URL a line, ``#`` comments). Replay: every archived URL that no other source starts from.
"""

from collections.abc import Iterator
from pathlib import Path

from scrapy.http import Response

from crawlers.fetch_time import fetch_time
from crawlers.items import ProgramItem
from crawlers.parsers import schemaorg
from crawlers.registry import claimed_by_another
from crawlers.spiders.base import CatalogSpider


class SchemaOrgSpider(CatalogSpider):
    name = "schemaorg"

    def __init__(self, *args, urls: str = "", urls_file: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        given = [url.strip() for url in urls.split(",")]
        if urls_file:
            lines = Path(urls_file).read_text(encoding="utf-8").splitlines()
            given += [line.strip() for line in lines if not line.strip().startswith("#")]
        self.given_urls = [url for url in dict.fromkeys(given) if url]

    def start_urls_for_run(self) -> list[str]:
        if self.settings.get("REPLAY_PATH"):
            return super().start_urls_for_run()
        usable = [url for url in self.given_urls if url.startswith(("http://", "https://"))]
        for url in set(self.given_urls) - set(usable):
            self.warn_drop("not_an_http_url", url)
        return usable

    def accepts(self, url: str) -> bool:
        return not claimed_by_another(url, self.name)

    def parse(self, response: Response) -> Iterator[ProgramItem]:
        if self.is_unreadable_page(response):
            return
        items, broken_blocks = schemaorg.parse_page(response.text, response.url, fetch_time(response))
        if broken_blocks:
            self.crawler.stats.inc_value("dropped/broken_structured_data", broken_blocks)
        if not items:
            self.record_drop("no_schema_org_programs", response.url)
        yield from items

"""Coursera search result pages. Navigation only: crawlers/parsers/coursera.py reads the pages."""

from collections.abc import Iterator

from scrapy.http import Response, TextResponse

from crawlers.items import ProgramItem
from crawlers.parsers import coursera
from crawlers.fetch_time import fetch_time
from crawlers.spiders.base import CatalogSpider

SEARCH_URL = "https://www.coursera.org/search?query={query}&page=1"


class CourseraSpider(CatalogSpider):
    name = "coursera"
    live_urls = tuple(
        SEARCH_URL.format(query=query) for query in ("machine+learning", "artificial+intelligence", "data+science")
    )
    replay_patterns = (r"^https?://(www\.)?coursera\.org/search\?",)
    # Error responses reach parse(), which counts them as dropped pages; the crawl goes on.
    handle_httpstatus_list = list(range(400, 600))

    def parse(self, response: Response) -> Iterator[ProgramItem]:
        if response.status >= 400:
            self.crawler.stats.inc_value(f"dropped/http_{response.status}")
            return
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("dropped/not_html")
            return
        when = fetch_time(response)
        results = coursera.parse_search_page(response.text, response.url, when)
        if not results:
            # A search page without result cards means the markup changed: make it visible.
            self.crawler.stats.inc_value("dropped/no_result_cards")
        yield from results
        yield from coursera.parse_site_menu_programs(response.text, response.url, when)

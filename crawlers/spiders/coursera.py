"""Coursera search result pages. Navigation only: crawlers/parsers/coursera.py reads the pages."""

from collections.abc import Iterator

from scrapy.http import Response, TextResponse

from crawlers.fetch_time import fetch_time
from crawlers.items import ProgramItem
from crawlers.parsers import coursera
from crawlers.spiders.base import CatalogSpider


class CourseraSpider(CatalogSpider):
    name = "coursera"

    def parse(self, response: Response) -> Iterator[ProgramItem]:
        if self.is_error_page(response):
            return
        if not isinstance(response, TextResponse):
            self.record_drop("not_html")
            return
        when = fetch_time(response)
        results = coursera.parse_search_page(response.text, response.url, when)
        if not results:
            # A search page without result cards means the markup changed: make it visible.
            self.record_drop("no_result_cards")
        yield from results
        yield from coursera.parse_site_menu_programs(response.text, response.url, when)

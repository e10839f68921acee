"""Coursera search and browse pages. Navigation only: the page objects of crawlers/pages/coursera.py
read the pages."""

from collections.abc import Iterator

from scrapy.http import Response

from crawlers.items import ProgramItem
from crawlers.pages import coursera
from crawlers.spiders.base import CatalogSpider


class CourseraSpider(CatalogSpider):
    name = "coursera"

    def parse(self, response: Response) -> Iterator[ProgramItem]:
        if self.is_unreadable_page(response):
            return
        page_type = coursera.page_type(response.url)
        if page_type is None:
            self.record_drop("not_a_listing_page", response.url)
            return
        page = page_type.from_response(response)
        cards = page.cards()
        self.count_broken_structured_data(page)
        if not cards:
            # A listing without result cards means the markup changed: make it visible.
            self.warn_drop("no_result_cards", response.url)
        yield from cards
        yield from page.menu_programs()

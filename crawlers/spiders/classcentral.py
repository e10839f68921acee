"""Class Central subject listings, course pages and the degree report. Navigation only:
crawlers/parsers/classcentral.py reads the pages."""

from collections.abc import Iterator

import scrapy
from scrapy.http import Response, TextResponse

from crawlers.items import ProgramItem
from crawlers.parsers import classcentral
from crawlers.spiders.base import CatalogSpider


class ClassCentralSpider(CatalogSpider):
    name = "classcentral"

    def parse(self, response: Response) -> Iterator[ProgramItem | scrapy.Request]:
        if self.is_error_page(response):
            return
        kind = classcentral.page_kind(response.url)
        if kind is None or not isinstance(response, TextResponse):
            self.record_drop("not_a_catalog_page")
            return
        items = classcentral.parse_response(response)
        if not items:
            self.record_drop(f"no_programs_on_{kind}_page")
        yield from items
        if kind == "subject" and self.follows_course_pages():
            for url in classcentral.course_links(response.text, response.url):
                yield response.follow(url, callback=self.parse)

    def follows_course_pages(self) -> bool:
        # A course page adds description, price and sessions, but a replay archive holds almost none
        # of them: each would be a 404 counted as a drop, and a live crawl would fetch dozens more
        # pages. So course links are followed only when CLASSCENTRAL_FOLLOW_COURSES is true (off by
        # default); captured course pages are replayed anyway, as start URLs.
        return self.settings.getbool("CLASSCENTRAL_FOLLOW_COURSES")

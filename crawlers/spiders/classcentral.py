"""Class Central: any listing (subject, provider, institution, university, collection), course
pages and the degree report. Navigation only: the page objects of crawlers/pages/classcentral.py
read the pages."""

from collections.abc import Iterator

import scrapy
from scrapy.http import Response

from crawlers.items import ProgramItem
from crawlers.pages import classcentral
from crawlers.spiders.base import CatalogSpider


class ClassCentralSpider(CatalogSpider):
    name = "classcentral"

    def parse(self, response: Response) -> Iterator[ProgramItem | scrapy.Request]:
        if self.is_unreadable_page(response):
            return
        page_type = classcentral.page_type(response.url)
        if page_type is None:
            self.record_drop("not_a_catalog_page", response.url)
            return
        page = page_type.from_response(response)
        items = page.items()
        self.count_broken_structured_data(page)
        if not items:
            self.warn_drop(f"no_programs_on_{page.kind}_page", response.url)
        yield from items
        if isinstance(page, classcentral.ClassCentralListingPage) and self.follows_course_pages():
            for url in page.course_links():
                yield response.follow(url, callback=self.parse, errback=self.on_download_error)

    def follows_course_pages(self) -> bool:
        # A course page adds description, price and sessions, but a replay archive holds almost none
        # of them: each would be a 404 counted as a drop, and a live crawl would fetch dozens more
        # pages. So course links are followed only when CLASSCENTRAL_FOLLOW_COURSES is true (off by
        # default); captured course pages are replayed anyway, as start URLs.
        return self.settings.getbool("CLASSCENTRAL_FOLLOW_COURSES")

"""Coursera page objects: a search page and a browse page. Both list result cards (JSON-LD
ItemList, embedded Algolia state, rendered cards) and carry the site menus' degrees and professional
certificates (Apollo state); crawlers/parsers/coursera.py holds the field readers."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from crawlers.items import ProgramItem
from crawlers.pages.base import Page
from crawlers.parsers import coursera as read

_KINDS = re.compile(r"^/(?P<kind>search|browse)\b")


class CourseraListingPage(Page):
    def cards(self) -> list[ProgramItem]:
        return read.parse_search_page(self.html, self.url, self.fetched_at)

    def menu_programs(self) -> list[ProgramItem]:
        return read.parse_site_menu_programs(self.html, self.url, self.fetched_at)

    def items(self) -> list[ProgramItem]:
        return self.cards() + self.menu_programs()


class CourseraSearchPage(CourseraListingPage):
    """/search?query=...: the results of a query."""


class CourseraBrowsePage(CourseraListingPage):
    """/browse/<domain>[/<subdomain>]: the courses of a domain, in the same card and state layers."""


PAGE_TYPES: dict[str, type[CourseraListingPage]] = {"search": CourseraSearchPage, "browse": CourseraBrowsePage}


def page_type(url: str) -> type[CourseraListingPage] | None:
    match = _KINDS.match(urlsplit(url).path)
    return PAGE_TYPES[match["kind"]] if match else None

"""Class Central page objects: any listing (subject, provider, institution, university, collection:
one markup), a course page, the report of MOOC-based degrees. crawlers/parsers/classcentral.py
holds the field readers (attributes and structured data, never the machine-translated text)."""

from __future__ import annotations

from crawlers.items import ProgramItem
from crawlers.pages.base import Page
from crawlers.parsers import classcentral as read


class ClassCentralListingPage(Page):
    kind = "listing"

    def items(self) -> list[ProgramItem]:
        return read.parse_listing_page(self.html, self.url, self.fetched_at)

    def course_links(self) -> list[str]:
        return read.course_links(self.html, self.url)


class ClassCentralCoursePage(Page):
    kind = "course"

    def items(self) -> list[ProgramItem]:
        return read.parse_course_page(self.html, self.url, self.fetched_at)


class ClassCentralReportPage(Page):
    kind = "report"

    def items(self) -> list[ProgramItem]:
        return read.parse_report_page(self.html, self.url, self.fetched_at)


PAGE_TYPES: dict[str, type[Page]] = {
    "listing": ClassCentralListingPage,
    "course": ClassCentralCoursePage,
    "report": ClassCentralReportPage,
}


def page_type(url: str) -> type[Page] | None:
    """The page object class for a Class Central URL, or None when it is no catalogue page."""
    kind = read.page_kind(url)
    return PAGE_TYPES[kind] if kind else None

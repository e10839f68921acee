"""Only http(s) URLs are followed: a listing linking to javascript:, mailto:, data: or file: URLs makes
the spider request none of them."""

import json
from html import escape

from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawlers.spiders.classcentral import ClassCentralSpider

LISTING_URL = "https://www.classcentral.com/subject/machine-learning"
HOSTILE_LINKS = (
    "javascript:/course/?alert(1)", "javascript:fetch('/course/')", "mailto:someone@example.org?subject=/course/",
    "data:text/html,<script>alert(1)</script>/course/", "file:///etc/passwd#/course/", "file:///course/?x",
    "ftp://example.org/course/?x",
)  # fmt: skip
GOOD_LINK = "/course/machine-learning-835"


def listing_with_links(hrefs) -> HtmlResponse:
    props = escape(json.dumps({"type": "Course", "clickMetadata": {"listing": "catalog"}}))
    anchors = "".join(f'<a href="{escape(href)}" data-track-props="{props}">course</a>' for href in hrefs)
    return HtmlResponse(LISTING_URL, body=f"<html><body>{anchors}</body></html>".encode(), encoding="utf-8")


def followed(hrefs) -> list[str]:
    crawler = get_crawler(ClassCentralSpider, {"CLASSCENTRAL_FOLLOW_COURSES": True})
    spider = ClassCentralSpider.from_crawler(crawler)
    return [result.url for result in spider.parse(listing_with_links(hrefs)) if isinstance(result, Request)]


def test_a_course_link_is_followed():
    assert followed([GOOD_LINK]) == ["https://www.classcentral.com/course/machine-learning-835"]


def test_links_to_other_schemes_are_never_requested():
    requested = followed([*HOSTILE_LINKS, GOOD_LINK])

    assert "https://www.classcentral.com/course/machine-learning-835" in requested
    assert all(url.startswith(("http://", "https://")) for url in requested), requested

"""Page objects on the saved pages: every listing counted before any cleaning, any listing URL of
a site read by the same code, and pages nobody can read dropped with one warning line each."""

import json
import logging
import re
from html.parser import HTMLParser

import pytest
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.test import get_crawler

from crawlers.pages import classcentral, coursera
from crawlers.pages.base import unreadable_reason
from crawlers.spiders.classcentral import ClassCentralSpider
from crawlers.spiders.coursera import CourseraSpider

CC = "https://www.classcentral.com"
SUBJECTS = {
    "machine-learning": "pages/classcentral/subject_machine-learning.html",
    "ai": "pages/classcentral/subject_ai.html",
    "data-science": "pages/classcentral/subject_data-science.html",
}
COURSE = (f"{CC}/course/edx-cybersecurity-fundamentals-7844",
          "pages/classcentral/course_edx-cybersecurity-fundamentals-7844.html")
REPORT = (f"{CC}/report/mooc-based-masters-degree/", "pages/classcentral/report_mooc-based-masters-degree.html")
SEARCH = "https://www.coursera.org/search?query=Preaching+the+choir&page=1"
CAPTURES = ("pages/coursera/search_preaching-the-choir_2020-06-14.html",
            "pages/coursera/search_preaching-the-choir_2020-07-15.html")


def page(page_type, url, relative, corpus):
    return page_type(url, corpus(relative).read_text(encoding="utf-8"))


class _TrackedCourses(HTMLParser):
    """An independent count: the distinct course links whose data-track-props say type "Course"."""

    def __init__(self):
        super().__init__()
        self.slugs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        try:
            props = json.loads(attributes.get("data-track-props") or "null", strict=False)
        except ValueError:
            return
        if isinstance(props, dict) and props.get("type") == "Course" and attributes.get("href"):
            self.slugs.add(re.sub(r"\.html$", "", attributes["href"].rstrip("/").rsplit("/", 1)[-1]))


def tracked_courses(html: str) -> set[str]:
    counter = _TrackedCourses()
    counter.feed(html)
    return counter.slugs


# --- Class Central ------------------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "expected"), [("machine-learning", 22), ("ai", 23), ("data-science", 24)])
def test_every_course_of_a_subject_listing_is_an_item(slug, expected, corpus):
    html = corpus(SUBJECTS[slug]).read_text(encoding="utf-8")
    items = classcentral.ClassCentralListingPage(f"{CC}/subject/{slug}", html).items()

    assert len(tracked_courses(html)) == expected
    assert len(items) == expected
    assert {item["url"].rsplit("/", 1)[-1] for item in items} == tracked_courses(html)


@pytest.mark.parametrize("kind", ["provider", "institution", "university", "collection"])
def test_any_listing_url_is_read_by_the_same_code(kind, corpus):
    subject = page(classcentral.ClassCentralListingPage, f"{CC}/subject/ai", SUBJECTS["ai"], corpus).items()
    url = f"{CC}/{kind}/some-{kind}"
    page_type = classcentral.page_type(url)
    relabelled = page(page_type, url, SUBJECTS["ai"], corpus).items()

    assert page_type is classcentral.ClassCentralListingPage
    assert [(item["source_id"], item["title"], item["provider"]) for item in relabelled] == [
        (item["source_id"], item["title"], item["provider"]) for item in subject
    ]
    assert {item["extra"]["listing_kind"] for item in relabelled} == {kind}
    assert {item["subject"] for item in relabelled} == {None}  # a provider page names no subject


def test_course_page_and_report_rows(corpus):
    [course] = page(classcentral.page_type(COURSE[0]), *COURSE, corpus).items()
    rows = page(classcentral.page_type(REPORT[0]), *REPORT, corpus).items()

    assert course["title"] == "Cybersecurity Fundamentals"
    assert len(rows) == 84  # 85 degree rows, one printed twice
    assert classcentral.page_type(f"{CC}/about") is None


def test_the_spider_reads_a_provider_listing(corpus):
    crawler = get_crawler(ClassCentralSpider, {"EXTENSIONS": {}, "DOWNLOADER_MIDDLEWARES": {}})
    spider = ClassCentralSpider.from_crawler(crawler)
    body = corpus(SUBJECTS["machine-learning"]).read_bytes()
    items = list(spider.parse(HtmlResponse(f"{CC}/provider/coursera", body=body, encoding="utf-8")))

    assert len(items) == 22
    assert spider.accepts(f"{CC}/provider/coursera") and spider.accepts(f"{CC}/collection/top-free-courses")


# --- Coursera -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("capture", "degrees", "certificates"), [(CAPTURES[0], 21, 16), (CAPTURES[1], 21, 17)])
def test_each_coursera_capture_gives_its_ten_cards_and_its_menu_programs(capture, degrees, certificates, corpus):
    html = corpus(capture).read_text(encoding="utf-8")
    search = coursera.CourseraSearchPage(SEARCH, html)
    # Independent counts, read off the markup and the Apollo state's type names.
    assert len(re.findall(r'<li[^>]*class="[^"]*ais-InfiniteHits-item', html)) == 10
    assert html.count('"__typename":"DegreeListsV2_org_coursera_catalogp_degree_CatalogDegree"') == degrees
    assert html.count('"__typename":"ProfessionalCertsV1"') == certificates

    assert len(search.cards()) == 10
    assert [item["credential"] for item in search.menu_programs()].count("Degree") == degrees
    assert len(search.menu_programs()) == degrees + certificates
    assert len(search.items()) == 10 + degrees + certificates


def test_a_browse_page_is_read_like_a_search_page(corpus):
    html = corpus(CAPTURES[1]).read_text(encoding="utf-8")
    url = "https://www.coursera.org/browse/data-science/machine-learning"
    page_type = coursera.page_type(url)
    browse = page_type(url, html)

    assert page_type is coursera.CourseraBrowsePage
    assert [item["source_id"] for item in browse.items()] == [
        item["source_id"] for item in coursera.CourseraSearchPage(SEARCH, html).items()
    ]
    assert coursera.page_type("https://www.coursera.org/learn/machine-learning") is None


# --- pages nobody can read ----------------------------------------------------------------------

CHALLENGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
             b"<script src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1'></script></body></html>")


def bad_pages(corpus):
    whole = corpus(SUBJECTS["ai"]).read_bytes()
    return {
        "truncated_page": HtmlResponse(f"{CC}/subject/ai", body=whole[: len(whole) // 2], encoding="utf-8"),
        "mis_encoded_page": HtmlResponse(f"{CC}/subject/ai", body=whole.decode("utf-8").encode("utf-16-le"),
                                         encoding="utf-8"),
        "empty_page": HtmlResponse(f"{CC}/subject/ai", body=b"  \n", encoding="utf-8"),
        "http_503": HtmlResponse(f"{CC}/subject/ai", status=503, body=b"<html>busy</html>"),
        "challenge_page": HtmlResponse(f"{CC}/subject/ai", status=403, body=CHALLENGE, encoding="utf-8"),
        "not_html": Response(f"{CC}/subject/ai", body=b"\x89PNG\r\n"),
    }


def test_each_kind_of_bad_page_is_named(corpus):
    assert {reason: unreadable_reason(response) for reason, response in bad_pages(corpus).items()} == {
        reason: reason for reason in bad_pages(corpus)
    }
    whole = corpus(SUBJECTS["ai"]).read_bytes()
    assert unreadable_reason(HtmlResponse(f"{CC}/subject/ai", body=whole, encoding="utf-8")) is None
    # UTF-8 bytes under a wrong declared charset: Hindi and punctuation turn into "à¤..." and "â€™".
    wrong_charset = HtmlResponse(f"{CC}/subject/ai", body=whole, encoding="cp1252")
    assert unreadable_reason(wrong_charset) == "mis_encoded_page"
    for relative in (*SUBJECTS.values(), COURSE[1], REPORT[1], *CAPTURES):
        right = HtmlResponse(SEARCH, body=corpus(relative).read_bytes(), encoding="utf-8")
        assert unreadable_reason(right) is None, relative
    challenge_by_header = TextResponse(SEARCH, status=403, headers={"cf-mitigated": "challenge"}, body=b"<html></html>")
    assert unreadable_reason(challenge_by_header) == "challenge_page"


@pytest.mark.parametrize("spider_class", [ClassCentralSpider, CourseraSpider])
def test_a_bad_page_is_one_warning_line_and_a_counted_drop(spider_class, corpus, caplog):
    crawler = get_crawler(spider_class, {"EXTENSIONS": {}, "DOWNLOADER_MIDDLEWARES": {}})
    spider = spider_class.from_crawler(crawler)
    pages = bad_pages(corpus)
    with caplog.at_level(logging.WARNING):
        for response in pages.values():
            response = response.replace(url=SEARCH) if spider_class is CourseraSpider else response
            assert list(spider.parse(response)) == []

    assert {reason: crawler.stats.get_value(f"dropped/{reason}") for reason in pages} == dict.fromkeys(pages, 1)
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == len(pages)
    assert all("\n" not in record.getMessage() and not record.exc_info for record in warnings)


@pytest.mark.parametrize(("spider_class", "url"), [(ClassCentralSpider, f"{CC}/subject/ai"), (CourseraSpider, SEARCH)])
def test_broken_structured_data_is_one_warning_a_count_and_the_rest_is_read(spider_class, url, corpus, caplog):
    relative = SUBJECTS["ai"] if spider_class is ClassCentralSpider else CAPTURES[0]
    html = corpus(relative).read_text(encoding="utf-8")
    unfinished = '<script type="application/ld+json">{"@type": "Course", "name": </script>'
    broken = html.replace("</head>", f"{unfinished}</head>", 1)
    crawler = get_crawler(spider_class, {"EXTENSIONS": {}, "DOWNLOADER_MIDDLEWARES": {}})
    spider = spider_class.from_crawler(crawler)
    with caplog.at_level(logging.WARNING):
        items = list(spider.parse(HtmlResponse(url, body=broken.encode("utf-8"), encoding="utf-8")))
        expected = list(spider.parse(HtmlResponse(url, body=html.encode("utf-8"), encoding="utf-8")))

    assert [(item["source_id"], item["extra"].get("position")) for item in items] == [
        (item["source_id"], item["extra"].get("position")) for item in expected
    ]
    assert any(item["extra"].get("position") for item in items)  # the ItemList was still read
    assert crawler.stats.get_value("dropped/broken_structured_data") == 1
    assert len([record for record in caplog.records if "JSON-LD" in record.getMessage()]) == 1

"""Coursera search pages (the two real captures) -> ProgramItems; the spider's navigation."""

import re

from parsel import Selector
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from crawlers.parsers.coursera import parse_search_page, parse_search_response, parse_site_menu_programs
from crawlers.spiders.coursera import CourseraSpider

URL = "https://www.coursera.org/search?query=Preaching+the+choir&page=1"
JUNE = "pages/coursera/search_preaching-the-choir_2020-06-14.html"
JULY = "pages/coursera/search_preaching-the-choir_2020-07-15.html"

# The card titles (h2.card-title) of the June capture, in page order.
JUNE_TITLES = [
    "Capstone: Creating A Sustainability Proposal",
    "Introduction to Automated Analysis",
    "Dairy Production and Management",
    "Cities are back in town : urban sociology for a globalizing urban world",
    "Mediation and Conflict Resolution",
    "Çok değişkenli Fonksiyon II: Uygulamalar / Multivariable Calculus II: Applications",
    "Teaching the Violin and Viola: Creating a Healthy Foundation",
    "Learn to Teach Java: Boolean Expressions, If Statements, and Iteration",
    "Teaching Impacts of Technology in K-12 Education",
    "Teaching Impacts of Technology: Fundamentals",
]


def read(corpus, relative):
    return corpus(relative).read_text(encoding="utf-8")


def by_path(items):
    return {item["source_id"]: item for item in items}


def test_one_item_per_result_card_in_page_order(corpus):
    items = parse_search_page(read(corpus, JUNE), URL, "2020-06-14T12:13:59+00:00")

    assert [item["title"] for item in items] == JUNE_TITLES
    assert {item["source"] for item in items} == {"coursera"}
    assert {item["fetched_at"] for item in items} == {"2020-06-14T12:13:59+00:00"}
    assert all(item["url"].startswith("https://www.coursera.org/") for item in items)


def test_a_course_card_with_partner_type_level_rating_and_skills(corpus):
    item = by_path(parse_search_page(read(corpus, JUNE), URL))["/learn/sustainability-proposal"]

    assert item["title"] == "Capstone: Creating A Sustainability Proposal"
    assert item["provider"] == "University of Colorado System"
    assert item["credential"] == "Course"
    assert item["level"] == "Intermediate"
    assert (item["rating"], item["rating_count"]) == (5, 6)  # "Rated 5 out of five stars", "(6)"
    assert item["url"] == "https://www.coursera.org/learn/sustainability-proposal"
    assert {"Sustainability", "Supply Chain Sustainability"} <= set(item["skills"])  # embedded state only
    assert item["language"] == "English"
    assert item["extra"]["found_in"] == ["structured", "embedded", "css"]
    assert item["extra"]["object_id"] == "course~tEzhbaiGEeaZwBIdLOcDZg"
    assert item["extra"]["avg_learning_hours"] == 5


def test_a_specialization_card(corpus):
    item = by_path(parse_search_page(read(corpus, JUNE), URL))[
        "/specializations/teach-impacts-technology-k12-education"
    ]

    assert item["credential"] == "Specialization"
    assert item["provider"] == "University of California San Diego"
    assert item["level"] == "Beginner"
    assert (item["rating"], item["rating_count"]) == (4.3, 10)
    assert item["extra"]["position"] == 9


def test_an_unrated_card_has_no_rating(corpus):
    item = by_path(parse_search_page(read(corpus, JUNE), URL))["/learn/automated-analysis"]

    assert item["rating"] is None
    assert item["rating_count"] == 0  # numProductRatings in the embedded state


def test_embedded_state_rates_a_july_card_that_renders_no_rating(corpus):
    html = read(corpus, JULY)
    first_card = Selector(text=html).css("li.ais-InfiniteHits-item")[0]
    assert first_card.css("span.ratings-text") == []  # its state says 1 rating of 5

    items = parse_search_page(html, URL)
    first = items[0]

    assert len(items) == 10
    assert first["title"] == "Introduction to Automated Analysis"
    assert (first["rating"], first["rating_count"]) == (5, 1)
    assert by_path(items)["/learn/programming-languages-part-c"]["provider"] == "University of Washington"


def test_site_menu_degrees_and_professional_certificates(corpus):
    html = read(corpus, JUNE)
    assert len(re.findall(r'"__typename":"DegreeListsV2_org_coursera_catalogp_degree_CatalogDegree"', html)) == 21
    assert len(re.findall(r'"__typename":"ProfessionalCertsV1"', html)) == 16

    programs = parse_site_menu_programs(html, URL)
    degrees = [item for item in programs if item["credential"] == "Degree"]
    certificates = [item for item in programs if item["credential"] == "Professional Certificate"]

    assert (len(degrees), len(certificates)) == (21, 16)
    msc_ml = by_path(programs)["/degrees/msc-machine-learning-imperial"]
    assert msc_ml["title"] == "MSc in Machine Learning"
    assert msc_ml["provider"] == "Imperial College London"  # partner id 434 -> PartnersV1:434
    assert msc_ml["url"] == "https://www.coursera.org/degrees/msc-machine-learning-imperial"
    assert msc_ml["subject"] == ["data-science"]
    assert by_path(programs)["/professional-certificates/ai-engineer"]["title"] == "IBM AI Engineering"
    assert {item["extra"]["listing"] for item in programs} == {"site_menu"}


def test_response_entry_point_yields_cards_then_menus(corpus):
    body = corpus(JULY).read_bytes()
    response = HtmlResponse(URL, body=body, encoding="utf-8", headers={"Date": "Wed, 15 Jul 2020 23:12:08 GMT"})

    items = parse_search_response(response)

    assert len(items) == 10 + 21 + 17
    assert {item["fetched_at"] for item in items} == {"2020-07-15T23:12:08+00:00"}


def test_without_structured_data_and_state_the_css_cards_still_give_the_basics(corpus):
    html = read(corpus, JUNE)
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    html = html.replace("window.App=", "window.App={broken")
    html = html.replace("window.__APOLLO_STATE__ =", "window.__APOLLO_STATE__ = {[")

    items = parse_search_page(html, URL)
    first, specialization = items[0], items[8]

    assert [item["title"] for item in items] == JUNE_TITLES
    assert {tuple(item["extra"]["found_in"]) for item in items} == {("css",)}
    assert first["provider"] == "University of Colorado System"
    assert (first["credential"], first["level"]) == ("Course", "Intermediate")
    assert (first["rating"], first["rating_count"]) == ("5", "6")
    assert first["skills"] is None
    assert first["url"] == "https://www.coursera.org/learn/sustainability-proposal"
    assert (specialization["credential"], specialization["rating"]) == ("Specialization", "4.3")
    assert parse_site_menu_programs(html, URL) == []


def test_a_broken_or_empty_page_yields_nothing_without_raising():
    for html in ("", "<html><body><p>Service unavailable</p></body></html>", "<li class='ais-InfiniteHits-item'>"):
        assert parse_search_page(html, URL) == []
        assert parse_site_menu_programs(html, URL) == []


def test_spider_counts_an_error_page_as_dropped_and_goes_on():
    crawler = get_crawler(CourseraSpider, {"EXTENSIONS": {}, "DOWNLOADER_MIDDLEWARES": {}})
    spider = CourseraSpider.from_crawler(crawler)

    assert list(spider.parse(Response(URL, status=404))) == []
    assert list(spider.parse(HtmlResponse(URL, body=b"<html></html>"))) == []
    assert crawler.stats.get_value("dropped/http_404") == 1
    assert crawler.stats.get_value("dropped/no_result_cards") == 1
    assert spider.accepts(URL)
    assert not spider.accepts("https://www.classcentral.com/subject/ai")

"""The Study in Europe feed parser on the real file (datasets/studyineurope_programs_18087.csv).
Expected values were read off the file by hand."""

from collections import Counter

import pytest

from crawlers.parsers import studyineurope
from crawlers.parsers.csv_feed import Dropped
from crawlers.registry import SOURCES
from crawlers.spiders.studyineurope import StudyineuropeSpider
from tests.crawlers.test_feed_spider import csv_response, make_spider

PARSER = studyineurope
FEED_FILE = "datasets/studyineurope_programs_18087.csv"
FEED_URL = SOURCES["studyineurope"].feeds[0]
FETCHED_AT = "2025-06-20T00:00:00+00:00"
HEADER = (
    '"Program_Title","Institution","Level","Link","Language","Country","ECTS","Free_Tuition_EU","latitude","longitude"'
)


def first(items, **fields):
    """The first item with these field values (as the file lists it first)."""
    return dict(next(item for item in items if all(item.get(name) == value for name, value in fields.items())))


def test_every_row_is_an_item_with_a_stable_id(results, items):
    assert not [result for result in results if isinstance(result, Dropped)]
    assert len(items) == 18087
    # 16,939 distinct rows; a few differ only in level, language or credits, not in link, title and
    # institution, and share an id
    assert len({item["source_id"] for item in items}) == 16837
    assert sum(bool(item["extra"].get("repeated_row")) for item in items) == 18087 - 16939
    assert all(item["source_id"].startswith("studyineurope:") for item in items)


def test_a_program_with_its_own_page_credits_and_eu_tuition(items):
    assert first(items, title="Computer Sciences", credential="Bachelor") == {
        "source": "studyineurope",
        "source_id": "studyineurope:f5b2a0bbde7e6a1af010",
        "url": "https://www.studienwahl.at/studies/engineering-sciences/computer-sciences/computer-sciences/493-computer-sciences-2-3-innsbruck.en.html",
        "fetched_at": FETCHED_AT,
        "title": "Computer Sciences",
        "provider": "Universitat Innsbruck",
        "institution": "Universitat Innsbruck",
        "credential": "Bachelor",
        "duration": "180 ECTS",
        "language": "German",
        "country": "Austria",
        "extra": {"ects": "180", "tuition_free_eu": "Yes"},
    }


def test_links_shared_by_many_programs_are_listings(items):
    listed = Counter(item.get("country") for item in items if item["extra"].get("url_is_listing"))
    assert listed["Turkey"] == 1900 and listed["Sweden"] == 702 and listed["Slovenia"] == 158
    assert listed["Belgium"] == 2793  # Wallonia's institution pages and a few Flemish ones
    assert all(item["extra"]["listing_url"] == item["url"] for item in items if item["extra"].get("url_is_listing"))
    own_pages = [item for item in items if item.get("country") in {"Austria", "Germany"}]
    assert not [item for item in own_pages if "url_is_listing" in item["extra"]]


def test_two_urls_run_together_give_the_programs(items):
    anatomy = first(items, title="Postgraduate Clinical Anatomy")
    assert anatomy["url"] == (
        "https://www.vub.be/en/studying-vub/all-study-programmes-vub/bachelors-and-masters-programmes-vub/"
        "postgraduate-clinical-anatomy"
    )
    assert anatomy["extra"]["link_listed"].startswith("https://www.studyinflanders.behttps://www.vub.be/")
    repairs = Counter(item["extra"].get("link_repair") for item in items)
    assert repairs["two URLs run together: the second is the program's"] == 713


def test_spanish_links_that_are_text(items):
    lams = first(items, title="Language Acquisition in Multilingual Settings (LAMS)")
    assert (lams["url"], lams["extra"]["link_repair"]) == ("https://www.ehu.eus/lams", "URL without a scheme")
    no_link = [item for item in items if item["extra"].get("link_repair") == "not a URL"]
    assert len(no_link) == 65 and not [item for item in no_link if "url" in item]
    assert Counter(item["extra"]["link_listed"] for item in no_link)[
        "No specific language requirements have been defined."
    ] == 53


def test_serbian_levels_are_read_from_the_program_url_and_secondary_schools_named(items):
    serbia = [item for item in items if item.get("country") == "Serbia"]
    assert len(serbia) == 4441
    assert Counter(item["credential"] for item in serbia) == {
        "Secondary school": 2418, "Bachelor": 841, "Master": 765, "PhD": 283, "Postgraduate": 107, "Other": 27,
    }  # fmt: skip
    biochemistry = first(items, title="BIOCHEMISTRY", institution="Faculty Of Chemistry")
    assert (biochemistry["credential"], biochemistry["extra"]["level_listed"]) == ("PhD", "Other")
    gimnazija = [item for item in serbia if item.get("institution") == "Gimnazija"]
    assert gimnazija and {item["credential"] for item in gimnazija} == {"Secondary school"}


def test_lithuanian_rows_are_items_without_a_title(items):
    lithuania = [item for item in items if "studyin.lt" in item.get("url", "")]
    assert len(lithuania) == 523
    assert not [item for item in lithuania if {"title", "institution", "credential", "country"} & set(item)]
    assert {item["language"] for item in lithuania} >= {"English", "German"}


def test_titles_institutions_and_credits_are_tidied(items):
    ai = first(items, title="MASTER'S DEGREE IN ARTIFICIAL INTELLIGENCE")
    assert ai["extra"]["title_note"] == (
        "Interuniversity UB-URV-UPC degree coordinated by the Universitat Politècnica de Catalunya"
    )
    assert (ai["url"], ai["duration"]) == ("https://www.upc.edu/en/masters/artificial-intelligence", "90 ECTS")
    assert first(items, title="Sport management")["institution"] == "University Of Ljubljana"
    joint = [item["institution"] for item in items if ";" in (item.get("institution") or "")]
    assert "Estonian University Of Life Sciences; University Of Tartu" in joint
    assert not [item for item in items if item["extra"].get("ects") == "0" and "duration" in item]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("NA,NA,NA,NA,NA,NA,NA,NA,NA,NA", "empty_row"),
        ('"Data Science","X","Master","https://x.example/ds","English","Malta"', "wrong_column_count"),
    ],
)
def test_bad_rows_are_dropped_with_a_reason_and_the_rest_read(row, reason):
    text = "\n".join([HEADER, row, '"AI","Uni","Master","https://x.example/ai","English","Malta",120,"Yes",1,2'])
    results = list(studyineurope.parse_feed(text.encode(), FEED_URL, FETCHED_AT))
    assert [result.reason for result in results if isinstance(result, Dropped)] == [reason]
    assert [item["title"] for item in results if not isinstance(item, Dropped)] == ["AI"]


def test_the_spider_yields_every_row(corpus):
    spider, stats = make_spider(StudyineuropeSpider)
    items = list(spider.parse(csv_response(FEED_URL, corpus(FEED_FILE).read_bytes())))
    assert len(items) == 18087
    assert not [key for key in stats.get_stats() if key.startswith("dropped/")]

"""The Nov 2025 Mastersportal feed parser on the real file (datasets/mastersportal_cs_masters_4400.csv).
Expected values were read off the file by hand."""

from collections import Counter

from crawlers.parsers import mastersportal_2025
from crawlers.parsers.csv_feed import Dropped
from crawlers.registry import SOURCES
from crawlers.spiders.mastersportal import MastersportalSpider
from tests.crawlers.test_feed_spider import csv_response, make_spider

PARSER = mastersportal_2025
FEED_FILE = "datasets/mastersportal_cs_masters_4400.csv"
FEED_URL = SOURCES["mastersportal"].feeds[1]
FETCHED_AT = "2026-02-15T17:35:18+00:00"


def test_every_row_is_an_item_and_repeats_are_marked(results, items):
    assert not [result for result in results if isinstance(result, Dropped)]
    assert len(items) == 4400
    assert len({item["source_id"] for item in items}) == 3705
    assert sum(bool(item["extra"].get("repeated_row")) for item in items) == 4400 - 3705


def test_the_first_program(items):
    assert dict(items[0]) == {
        "source": "mastersportal",
        "source_id": "https://www.mastersportal.com/studies/154963/digital-creative-media.html",
        "url": "https://www.mastersportal.com/studies/154963/digital-creative-media.html",
        "fetched_at": FETCHED_AT,
        "title": "Digital Creative Media",
        "provider": "Loughborough University",
        "institution": "Loughborough University",
        "duration": "1 year",
        "price": "5,117,157 BDT / year",
        "country": "United Kingdom",
        "extra": {
            "price_period": "year",
            "region": "England",
            "university_rating": "4.4",
            "university_review_count": "54",
            "university_ranking_top_percent": "2%",
            "listed_on": "Mastersportal",
        },
    }


def test_urls_lose_the_search_tracking_query(items):
    assert not [item for item in items if "?" in item["url"] or "ref=" in item["url"]]
    assert all(item["url"].startswith("https://www.mastersportal.com/studies/") for item in items)


def test_university_figures_never_become_the_program_rating(items):
    assert not [item for item in items if "rating" in item or "rating_count" in item]
    assert sum("university_rating" in item["extra"] for item in items) == 4400 - 66  # 66 rows empty
    assert sum("university_ranking_top_percent" in item["extra"] for item in items) == 4400 - 1007


def test_fee_units(items):
    periods = Counter(item["extra"].get("price_period") for item in items)
    assert periods == {"year": 4129, "total": 15, None: 145 + 96 + 15}
    assert sum(item.get("price") == "Free" for item in items) == 145
    per_module = [item for item in items if "tuition_unknown_reason" in item["extra"]]
    assert len(per_module) == 15 and not [item for item in per_module if "price" in item]
    first = per_module[0]["extra"]
    assert first["tuition_listed"] == "1,292,401 BDT / module"
    assert first["tuition_unknown_reason"] == "fee per module: how many make the program is not listed"


def test_multiple_locations_name_no_country(items):
    elsewhere = [item for item in items if item["extra"].get("location") == "Multiple locations"]
    assert len(elsewhere) == 92
    assert not [item for item in elsewhere if "country" in item or "region" in item["extra"]]


def test_the_spider_reads_each_feed_with_its_parser(corpus):
    spider, stats = make_spider(MastersportalSpider)
    newer = list(spider.parse(csv_response(FEED_URL, corpus(FEED_FILE).read_bytes())))
    older = list(spider.parse(csv_response(SOURCES["mastersportal"].feeds[0],
                                           corpus("datasets/mastersportal_cs_masters_694.csv").read_bytes())))
    assert len(newer) == 4400 and newer[0]["extra"]["region"] == "England"
    assert older and older[0]["extra"]["qs2019_rank"] == "108"


def test_a_feed_the_spider_has_no_parser_for_is_dropped_and_counted():
    spider, stats = make_spider(MastersportalSpider)
    assert list(spider.parse(csv_response("https://example.org/other.csv", b"a,b\n1,2\n"))) == []
    assert stats.get_value("dropped/unknown_feed") == 1

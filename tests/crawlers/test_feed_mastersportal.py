"""The Mastersportal feed parser on the real export (datasets/mastersportal_cs_masters_694.csv)."""


from crawlers.parsers import mastersportal

PARSER = mastersportal
FEED_FILE = "datasets/mastersportal_cs_masters_694.csv"
FEED_URL = "https://example.org/CS.csv"
FETCHED_AT = "2019-08-29T00:00:00+00:00"


def test_every_row_is_an_item_repeats_included(results, items):
    assert len(items) == len(results) == 694
    assert len({item["source_id"] for item in items}) == 686  # 8 rows repeat an earlier one word for word
    # rows 3 and 5 of the export are the same Birmingham program
    birmingham = [item for item in items if item["institution"] == "University of Birmingham"]
    assert [item["title"] for item in birmingham].count("Cyber Security") == 2


def test_the_first_program(items):
    assert dict(items[0]) == {
        "source": "mastersportal",
        "source_id": "école-polytechnique/palaiseau/internet-of-things-innovation-and-management/master/24-months",
        "url": FEED_URL,
        "fetched_at": FETCHED_AT,
        "title": "Internet of Things - Innovation and Management",
        "provider": "École Polytechnique",
        "institution": "École Polytechnique",
        "credential": "Master",
        "duration": "24 months",
        "price": "13320",
        "currency": "USD",
        "country": "France",
        "city": "Palaiseau",
        "extra": {"price_period": "year", "qs2019_rank": "108", "listed_on": "Mastersportal"},
    }


def test_one_program_in_two_lengths_is_two_items(items):
    gis = [
        (item["duration"], item["price"])
        for item in items
        if item["title"] == "Geographic Information Science" and item["institution"] == "University of Queensland"
    ]
    assert gis == [("18 months", "27800"), ("24 months", "19414")]


def test_free_tuition_is_kept_as_zero(items):
    oslo = [item for item in items if item["institution"] == "University of Oslo"]
    assert oslo and all(item["price"] == "0" for item in oslo)

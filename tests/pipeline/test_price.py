"""Price text -> listed amount, ISO currency, free/free_audit, period. Values from the corpus."""

import pytest

from pipeline.normalize.price import ListedPrice, parse_price


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        # edx_courses_974.csv, column price
        ("FREE-Add a Verified Certificate for $49 USD", None, ListedPrice(49.0, "USD", "free_audit")),
        ("FREE-Add a Verified Certificate for $299.70 USD", None, ListedPrice(299.7, "USD", "free_audit")),
        ("FREE-Add a Verified Certificate for $49.99 USD", None, ListedPrice(49.99, "USD", "free_audit")),
        # udemy_raw_16429.csv, Price in SGD given apart
        ("104.98", "SGD", ListedPrice(104.98, "SGD", None)),
        ("0.0", "SGD", ListedPrice(0.0, "SGD", "free")),
        # mastersportal_cs_masters_694.csv, Tuition fee /USD
        ("13320", "USD", ListedPrice(13320.0, "USD", None)),
        ("0", "USD", ListedPrice(0.0, "USD", "free")),
        # Class Central MOOC-based master's report, total cost column
        ("$21,440", None, ListedPrice(21440.0, "USD", None)),
        ("$19,150 AUD", None, ListedPrice(19150.0, "AUD", None)),
        ("$11,640 (1,164,000 ARS)", None, ListedPrice(11640.0, "USD", None)),
        ("$7,500 (Rs. 550,000)", None, ListedPrice(7500.0, "USD", None)),
        ("$20,684 – 27,200", None, ListedPrice(27200.0, "USD", None)),
        ("£6,500 or £10,725*", None, ListedPrice(10725.0, "GBP", None)),
        ("UK students – £10,400 International students – £16,600", None, ListedPrice(16600.0, "GBP", None)),
        ("est. $77,280 (24 x $3,220 / program)", None, ListedPrice(77280.0, "USD", None)),
        ("$330 प्रति क्रेडिट घंटे", None, ListedPrice(330.0, "USD", None, "credit")),
        ("प्रति वर्ष £15,000 (part-time)", None, ListedPrice(15000.0, "GBP", None, "year")),
        # Class Central course page, schema.org offers.price with priceCurrency
        ("0", "USD", ListedPrice(0.0, "USD", "free")),
        # Udemy's discounted price, as a crawler may pass it parsed
        ({"amount": 22.0, "currency": "SGD", "price_string": "S$22"}, None, ListedPrice(22.0, "SGD", None)),
        ("S$22", None, ListedPrice(22.0, "SGD", None)),
        ("$49/month", None, ListedPrice(49.0, "USD", None, "month")),
        ("Free", None, ListedPrice(0.0, None, "free")),
        (49, "USD", ListedPrice(49.0, "USD", None)),
        (0, None, ListedPrice(0.0, None, "free")),
    ],
)
def test_parse_price(value, currency, expected):
    assert parse_price(value, currency) == expected


@pytest.mark.parametrize("value", [None, "", "None", "Contact the university", float("nan"), -5.0, True, [], {}])
def test_no_price_is_none(value):
    assert parse_price(value) is None


def test_an_iso_code_in_the_text_beats_the_currency_field():
    assert parse_price("$19,150 AUD", "USD").currency == "AUD"


def test_a_bare_dollar_takes_the_currency_field():
    assert parse_price("$49", "SGD").currency == "SGD"

"""Currency codes and symbols -> ISO 4217; conversion to USD with the shipped, dated table."""

import csv
from datetime import date
from importlib import resources

import pytest

from pipeline.normalize.currency import UsdAmount, normalize_currency, to_usd, usd_rates

REQUIRED = ["USD", "EUR", "GBP", "SGD", "INR", "CAD", "AUD", "CHF", "SEK", "DKK", "NOK", "JPY", "CNY", "HKD", "NZD"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("USD", "USD"),
        ("usd", "USD"),
        ("SGD", "SGD"),
        ("S$", "SGD"),  # Udemy's currency_symbol
        ("$", "USD"),
        ("£", "GBP"),
        ("€", "EUR"),
        ("Rs.", "INR"),
        ("₹", "INR"),
        ("A$", "AUD"),
        ("ARS", "ARS"),  # a real currency, though not in the rate table
        ("kr", None),  # Swedish, Danish or Norwegian: ambiguous
        ("FR", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_currency(value, expected):
    assert normalize_currency(value) == expected


def test_the_table_covers_the_required_currencies_at_one_date():
    rates = usd_rates()
    assert set(REQUIRED) <= set(rates)
    assert {rates[currency].date for currency in REQUIRED} == {date(2024, 1, 2)}
    assert rates["USD"].usd_per_unit == 1.0


def test_taka_converts_at_the_rate_of_the_mastersportal_scrape_with_its_date_and_source():
    # 6,092,784 BDT is what Mastersportal showed for a 50,000 USD fee in Nov 2025
    assert to_usd(6092784.0, "BDT") == UsdAmount(49999.99, date(2025, 11, 15))
    sources = {row["currency"]: row["source"] for row in other_rate_rows()}
    assert "BDT" in sources and "Bangladesh Bank" in sources["BDT"] and "not fetched" in sources["BDT"]


def other_rate_rows() -> list[dict]:
    table = resources.files("pipeline") / "data" / "usd_rates_other.csv"
    with table.open(encoding="utf-8") as rows:
        return list(csv.DictReader(rows))


@pytest.mark.parametrize(
    ("amount", "currency", "usd"),
    [
        (100.0, "USD", 100.0),
        (104.98, "SGD", round(104.98 * usd_rates()["SGD"].usd_per_unit, 2)),
        (16600.0, "GBP", round(16600 * usd_rates()["GBP"].usd_per_unit, 2)),
    ],
)
def test_to_usd_keeps_the_rate_date(amount, currency, usd):
    converted = to_usd(amount, currency)
    assert converted.usd == usd
    assert converted.rate_date == date(2024, 1, 2)


@pytest.mark.parametrize(("amount", "currency"), [(1164000.0, "ARS"), (10.0, None), (None, "USD")])
def test_unknown_currency_or_amount_converts_to_nothing(amount, currency):
    assert to_usd(amount, currency) is None

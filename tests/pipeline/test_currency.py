"""Currency codes and symbols -> ISO 4217; conversion to USD at the ECB rate of a date, or the dated other table."""

import csv
from datetime import date
from importlib import resources

import pytest

from pipeline.normalize.currency import UsdAmount, UsdRate, normalize_currency, to_usd, usd_rate

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


def test_every_required_currency_has_a_rate_on_a_working_day():
    assert all(usd_rate(currency, date(2024, 1, 2)) is not None for currency in REQUIRED)
    assert usd_rate("USD", date(2024, 1, 2)) == UsdRate(1.0, date(2024, 1, 2))


def test_a_weekend_takes_the_rate_of_the_last_working_day_before_it():
    # ECB reference rate of Friday 5 January 2024: 1 SGD = 0.7512554172 USD
    assert usd_rate("SGD", date(2024, 1, 6)) == UsdRate(pytest.approx(0.7512554172), date(2024, 1, 5))


def test_a_date_after_the_shipped_history_takes_its_last_day():
    # The shipped ECB history ends on 30 October 2026 (1 EUR = 1.1172 USD that day)
    assert usd_rate("EUR", date(2030, 1, 1)) == UsdRate(pytest.approx(1.1172), date(2026, 10, 30))


def test_a_currency_the_ecb_lacks_comes_from_the_other_table_with_its_source():
    assert usd_rate("AED", date(2025, 1, 6)).usd_per_unit == pytest.approx(1 / 3.6725)
    sources = {row["currency"]: row["source"] for row in other_rate_rows()}
    assert "Central Bank of the UAE" in sources["AED"]


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
        (104.98, "SGD", 79.14),  # ECB 2 Jan 2024: 1 SGD = 0.7538705016 USD
        (16600.0, "GBP", 20990.2),  # ECB 2 Jan 2024: 1 GBP = 1.2644699636 USD
    ],
)
def test_to_usd_at_the_rate_of_the_date_keeps_the_rate_date(amount, currency, usd):
    assert to_usd(amount, currency, date(2024, 1, 2)) == UsdAmount(usd, date(2024, 1, 2))


def test_the_same_amount_converts_at_another_rate_on_another_date():
    # ECB 14 Nov 2025 (a Friday; the 15th is a Saturday): 1 GBP = 1.3167533348 USD
    assert to_usd(16600.0, "GBP", date(2025, 11, 15)) == UsdAmount(21858.11, date(2025, 11, 14))


@pytest.mark.parametrize(("amount", "currency"), [(1164000.0, "ARS"), (10.0, None), (None, "USD")])
def test_unknown_currency_or_amount_converts_to_nothing(amount, currency):
    assert to_usd(amount, currency) is None

"""Currency codes and symbols -> ISO 4217, and amounts -> USD with the shipped, dated rate table.

The table (pipeline/data/usd_rates.csv: currency, usd_per_unit, date) holds approximate reference
rates for one day (the ECB euro reference rates of that day, restated per US dollar, rounded to four
significant figures). The ECB publishes no rate for some currencies listings quote (Mastersportal
shows its fees in Bangladeshi taka): pipeline/data/usd_rates_other.csv holds those, each row dated and
saying where its rate comes from. A currency missing from both converts to None (cost unknown),
never to a guess.
"""

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import pycountry

from pipeline.normalize.text import clean_text


@dataclass(frozen=True)
class UsdRate:
    usd_per_unit: float
    date: date


@dataclass(frozen=True)
class UsdAmount:
    usd: float
    rate_date: date


# Symbols as listings print them. A bare "$" is read as USD: the sources that print it (Class Central,
# edX) quote US dollars; a listing in another dollar gives its code ("$19,150 AUD") or a prefixed symbol.
CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "usd$": "USD",
    "s$": "SGD",
    "sgd$": "SGD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "cn¥": "CNY",
    "元": "CNY",
    "¥": "JPY",
    "₩": "KRW",
    "r$": "BRL",
    "chf": "CHF",
    "fr.": "CHF",
}


RATE_TABLES = ("usd_rates.csv", "usd_rates_other.csv")


@cache
def usd_rates() -> dict[str, UsdRate]:
    """The shipped rate tables, by ISO 4217 code."""
    rates = {}
    for name in RATE_TABLES:
        with (resources.files("pipeline") / "data" / name).open(encoding="utf-8") as rows:
            rates.update(
                (row["currency"], UsdRate(float(row["usd_per_unit"]), date.fromisoformat(row["date"])))
                for row in csv.DictReader(rows)
            )
    return rates


def normalize_currency(value: object) -> str | None:
    """"SGD", "usd", "S$", "£" -> ISO 4217 code; None when it names no currency ("kr" is ambiguous)."""
    text = clean_text(value)
    if text is None:
        return None
    key = text.lower()
    if key in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[key]
    if len(text) == 3 and text.isalpha():
        try:
            return pycountry.currencies.lookup(text).alpha_3
        except LookupError:
            return None
    return None


def usd_rate(currency: str | None) -> UsdRate | None:
    """The table's rate for an ISO 4217 code; None for a currency the table does not hold."""
    return usd_rates().get(currency) if currency else None


def to_usd(amount: float | None, currency: str | None) -> UsdAmount | None:
    """The amount in USD at the table's rate, with the rate's date; None when either is unknown."""
    rate = usd_rate(currency)
    if amount is None or rate is None:
        return None
    return UsdAmount(round(amount * rate.usd_per_unit, 2), rate.date)

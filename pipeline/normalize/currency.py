"""Currency codes and symbols -> ISO 4217, and amounts -> USD at a dated exchange rate.

Rates come from the ECB euro reference rates that CurrencyConverter ships (its history since 1999,
offline), at the listing's fetch date: the last ECB working day on or before it, or the nearest end of
the shipped history when the date lies outside it. The ECB publishes no rate for some currencies
listings quote (Mastersportal shows its fees in Bangladeshi taka): pipeline/data/usd_rates_other.csv
holds those, each row dated and saying where its rate comes from. A currency missing from both
converts to None (cost unknown), never to a guess.
"""

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

import pycountry
from currency_converter import CurrencyConverter, RateNotFoundError

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


OTHER_RATES = "usd_rates_other.csv"
# The ECB publishes on working days: a holiday run of this many days is the longest gap searched.
ECB_GAP_DAYS = 10


@cache
def ecb_rates() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


@cache
def other_usd_rates() -> dict[str, UsdRate]:
    """The shipped table of currencies the ECB lacks, by ISO 4217 code."""
    with (resources.files("pipeline") / "data" / OTHER_RATES).open(encoding="utf-8") as rows:
        return {row["currency"]: UsdRate(float(row["usd_per_unit"]), date.fromisoformat(row["date"]))
                for row in csv.DictReader(rows)}


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


@cache  # a catalogue has few distinct (currency, fetch date) pairs and many listings
def usd_rate(currency: str | None, on: date | None = None) -> UsdRate | None:
    """USD per unit of an ISO 4217 code on a date (default: the newest ECB day), with the rate's own
    date; None for a currency neither the ECB nor the other table holds."""
    if not currency:
        return None
    converter = ecb_rates()
    if currency not in converter.currencies:
        return other_usd_rates().get(currency)
    first, last = converter.bounds[currency]
    day = min(max(on or last, first), last)
    for _ in range(ECB_GAP_DAYS):
        try:
            return UsdRate(converter.convert(1.0, currency, "USD", date=day), day)
        except RateNotFoundError:
            day -= timedelta(days=1)
    return None


def to_usd(amount: float | None, currency: str | None, on: date | None = None) -> UsdAmount | None:
    """The amount in USD at the rate of the date, with the rate's date; None when either is unknown."""
    rate = usd_rate(currency, on)
    if amount is None or rate is None:
        return None
    return UsdAmount(round(amount * rate.usd_per_unit, 2), rate.date)

"""Price text or number (+ the listing's currency field) -> the listed amount, ISO currency and period.

Decision, kept consistently with the DESIGN's "cost = total cost to finish": a course that is free to
learn but sells a certificate ("FREE-Add a Verified Certificate for $49 USD") is `free_audit` and its
amount is the certificate's price, because finishing *with a credential* is what the catalogue
compares. Only a listing with nothing to pay at all is `free` with amount 0.

A text quoting several amounts ("$20,684 – 27,200", "UK students – £10,400 International students –
£16,600", "£6,500 or £10,725") gives the highest: a plan should not be too optimistic. Amounts in
parentheses are conversions or breakdowns ("$11,640 (1,164,000 ARS)", "est. $77,280 (24 x $3,220)")
and are ignored.

The currency is, in order: an ISO code in the text ("$19,150 AUD"), an unambiguous symbol in the text
("£", "S$"), the listing's separate currency field, and last a bare "$" read as USD.
"""

import math
import re
from dataclasses import dataclass, replace

from price_parser import Price

from pipeline.normalize.currency import normalize_currency
from pipeline.normalize.text import clean_text


@dataclass(frozen=True)
class ListedPrice:
    amount: float | None  # what finishing with the credential costs, in `currency`; 0 when free
    currency: str | None  # ISO 4217
    model: str | None  # "free" | "free_audit" | None (a plain price: the cost model decides)
    period: str | None = None  # "year" | "month" | "credit" | None (one payment, or the whole program)


_PARENTHESISED = re.compile(r"\([^)]*\)")
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
_ISO_CODE = re.compile(r"\b[A-Z]{3}\b")
_EXPONENT = re.compile(r"\d\s*[eE][+-]?\d")  # "1e999": a number no price is written as
_FREE = re.compile(r"\b(free|gratis|gratuito|gratuit)\b", re.IGNORECASE)
# "प्रति वर्ष" (per year) and "प्रति क्रेडिट" (per credit): Class Central's captured pages have their
# visible text machine-translated to Hindi.
_PERIODS = (
    ("credit", re.compile(r"per\s+credit|/\s*credit|credit\s+hour|प्रति\s+क्रेडिट", re.IGNORECASE)),
    ("year", re.compile(r"per\s+(year|annum)|a\s+year|/\s*(year|yr)\b|annual|yearly|प्रति\s+वर्ष", re.I)),
    ("month", re.compile(r"per\s+month|a\s+month|/\s*(month|mo)\b|monthly", re.IGNORECASE)),
)


def parse_price(value: object, currency: object = None) -> ListedPrice | None:
    """The listed price, or None when the listing gives none (or nothing readable)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_number(float(value), normalize_currency(currency))
    if isinstance(value, dict):
        return _from_number(_as_float(value.get("amount")), normalize_currency(value.get("currency") or currency))
    text = clean_text(value)
    if text is None:
        return None
    return _from_text(text, currency)


def _from_number(amount: float | None, currency: str | None) -> ListedPrice | None:
    if amount is None or math.isnan(amount) or math.isinf(amount) or amount < 0:
        return None
    return ListedPrice(amount, currency, "free" if amount == 0 else None)


def _from_text(text: str, currency_field: object) -> ListedPrice | None:
    period = _period_of(text)
    main_text = _PARENTHESISED.sub(" ", text)
    if _EXPONENT.search(main_text):
        return None
    amounts = [amount for token in _NUMBER.findall(main_text) if (amount := _as_float(token)) is not None]
    currency = _currency_of(main_text, currency_field)
    if _FREE.search(main_text):
        paid = [amount for amount in amounts if amount > 0]
        if paid:
            return ListedPrice(max(paid), currency, "free_audit", period)
        return ListedPrice(0.0, currency, "free")
    price = _from_number(max(amounts), currency) if amounts else None
    return replace(price, period=period) if price is not None else None


def _period_of(text: str) -> str | None:
    return next((period for period, pattern in _PERIODS if pattern.search(text)), None)


def _currency_of(text: str, currency_field: object) -> str | None:
    for code in _ISO_CODE.findall(text):
        if normalize_currency(code) == code:
            return code
    symbol = Price.fromstring(text).currency
    if symbol and symbol.strip() != "$" and (from_symbol := normalize_currency(symbol.strip())):
        return from_symbol
    return normalize_currency(currency_field) or (normalize_currency(symbol.strip()) if symbol else None)


def _as_float(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    parsed = Price.fromstring(str(value)).amount_float
    return parsed if parsed is not None and math.isfinite(parsed) else None

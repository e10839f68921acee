"""How numbers read in reasons: $1,000, 18 weeks, 8 h/week, 6 months."""

import math

import pycountry

CREDENTIAL_NAMES = {
    "course": "course",
    "specialization": "specialization",
    "professional_certificate": "professional certificate",
    "graduate_certificate": "graduate certificate",
    "bootcamp": "bootcamp",
    "associate": "associate degree",
    "bachelor": "bachelor's degree",
    "master": "master's degree",
    "doctorate": "doctorate",
}


def money(usd: float) -> str:
    return f"${usd:,.0f}"


def number(value: float) -> str:
    """6 rather than 6.0, 2.5 as is."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def weeks(value: float) -> str:
    rounded = max(1, math.ceil(value - 1e-9))
    return f"{rounded:,} week" if rounded == 1 else f"{rounded:,} weeks"


def hours_per_week(value: float) -> str:
    return f"{number(value)} h/week"


def months(value: float) -> str:
    return f"{number(value)} month" if value == 1 else f"{number(value)} months"


def credential(name: str) -> str:
    return CREDENTIAL_NAMES.get(name, name.replace("_", " "))


def with_article(noun: str) -> str:
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def language(code: str | None) -> str:
    found = pycountry.languages.get(alpha_2=code) if code else None
    return found.name if found else (code or "a language not stated")

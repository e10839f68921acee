"""Outcomes of a US degree (College Scorecard): median earnings and debt, each with its graduate count,
and the state a US program is in.

A figure or count that is missing, unreadable or negative is unknown (None), never zero; a count
without its figure says nothing and is dropped.
"""

from functools import cache

import pycountry

from pipeline.normalize.text import clean_text
from pipeline.records import NO_OUTCOMES, Outcomes

# How a figure given after storing, by matching a program to its institution (pipeline/enrich), begins
# its basis (cost_basis, outcomes_basis): a listing's own figures never do.
ENRICHMENT_BASIS = "College Scorecard, "


def is_enriched(basis: str | None) -> bool:
    return bool(basis) and basis.startswith(ENRICHMENT_BASIS)


def parse_outcomes(extra: dict, basis: str | None = None) -> Outcomes:
    earnings, debt = _amount(extra.get("earnings_usd")), _amount(extra.get("debt_usd"))
    if earnings is None and debt is None:
        return NO_OUTCOMES
    return Outcomes(
        earnings_usd=earnings,
        earnings_count=_count(extra.get("earnings_count")) if earnings is not None else None,
        debt_usd=debt,
        debt_count=_count(extra.get("debt_count")) if debt is not None else None,
        basis=basis,
    )


def us_state(country: str | None, value: object) -> str | None:
    """'WA' for a US program listed in 'WA' or 'Washington'; None outside the US or for no US state."""
    text = clean_text(value)
    if country != "US" or text is None:
        return None
    return _us_states().get(text.casefold())


@cache
def _us_states() -> dict[str, str]:
    """USPS code of each state, DC and territory, by its code and its name, case-folded."""
    states = pycountry.subdivisions.get(country_code="US")
    codes = {state.code.removeprefix("US-"): state.name for state in states}
    return {key.casefold(): code for code, name in codes.items() for key in (code, name)}


def _amount(value: object) -> float | None:
    number = _number(value)
    return number if number is not None and number > 0 else None


def _count(value: object) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number >= 0 and number == int(number) else None


def _number(value: object) -> float | None:
    text = clean_text(value)
    try:
        return float(text.replace(",", "")) if text is not None else None
    except ValueError:
        return None

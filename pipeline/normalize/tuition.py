"""US tuition that depends on residence: yearly in-state and out-of-state figures -> totals to finish.

A listing (College Scorecard, or a program matched to a Scorecard institution) may give tuition and
fees per year for in-state and out-of-state students (``extra.tuition_in_state`` and
``extra.tuition_out_of_state``, USD) but no length. Rule: the total is the yearly figure x the
credential's usual full-time length (USUAL_YEARS: associate 2, bachelor 4, master 2, doctorate 5 years),
stated in ``Cost.basis`` so it is never mistaken for a listed total. A credential with no usual length
(certificates) keeps the yearly amount and an unknown total. The out-of-state total is the program's
general cost (``Cost.usd``); the in-state one is kept beside it, for a person who lives in that state.
"""

from dataclasses import dataclass

from pipeline.normalize.currency import to_usd
from pipeline.normalize.text import clean_text
from pipeline.records import Cost

USUAL_YEARS = {"associate": 2, "bachelor": 4, "master": 2, "doctorate": 5}
DEGREE_NAMES = {"associate": "an associate degree", "bachelor": "a bachelor's", "master": "a master's",
                "doctorate": "a doctorate"}
CURRENCY = "USD"


@dataclass(frozen=True)
class ResidenceTuition:
    cost: Cost  # the out-of-state (general) total
    in_state_usd: float | None  # the in-state total


def residence_tuition(extra: dict, credential: str) -> ResidenceTuition | None:
    """Totals from the yearly figures in ``extra``; None when it gives neither."""
    in_state, out_of_state = (_yearly(extra.get(key)) for key in ("tuition_in_state", "tuition_out_of_state"))
    if in_state is None and out_of_state is None:
        return None
    years = USUAL_YEARS.get(credential)
    basis = (
        f"tuition and fees per year x {years} years, the usual full-time length of {DEGREE_NAMES[credential]}"
        if years
        else None
    )
    general = _total(out_of_state, years)
    cost = Cost(
        usd=general.usd if general else None,
        model="tuition",
        amount=out_of_state,
        currency=CURRENCY if out_of_state is not None else None,
        rate_date=general.rate_date if general else None,
        basis=basis if out_of_state is not None else None,
    )
    in_state_total = _total(in_state, years)
    return ResidenceTuition(cost=cost, in_state_usd=in_state_total.usd if in_state_total else None)


def _total(yearly: float | None, years: int | None):
    return to_usd(yearly * years, CURRENCY) if yearly is not None and years else None


def _yearly(value: object) -> float | None:
    text = clean_text(value)
    try:
        amount = float(text) if text is not None else None
    except ValueError:
        return None
    return amount if amount is not None and amount >= 0 else None

"""The cost model and the total cost to finish, in USD, from the listed price and what else is known.

Models (DESIGN): free, free_audit, one_time, subscription, tuition. `Cost.usd` None means unknown,
never zero; it is 0 only for `free`.

- free: nothing to pay, not even for the credential.
- free_audit: free to learn; the total is the certificate's price (see price.py).
- subscription: a monthly price x the months the listing's duration takes at its listed effort
  (the longer end, as `Duration.weeks`), each month started paid in full.
- tuition: a per-year fee x years (the duration; at least one year: a per-year fee is charged once
  even for a 9-month program), or, for a degree listing one figure, that figure as the total.
  A per-credit fee gives no total (the credits to finish are not listed): unknown.
- one_time: any other listed price.

Decision: when a listing gives no price, the cost is unknown, except where a platform is known to sell
that credential by subscription: the dated rule table pipeline/data/platform_pricing.csv (Coursera
specializations and professional certificates, 49 USD a month as of 2023-12) gives an estimate, and
`Cost.basis` names the rule so the estimate is never mistaken for a listed price. Coursera courses and
degrees, whose prices vary too much for one rule, stay unknown.

`Cost.amount` is the figure as listed (per year for tuition, per month for a subscription, the
certificate for free_audit); `Cost.usd` is the total.

A yearly tuition outside TUITION_USD_PER_YEAR_RANGE once converted is not believed
(`implausible_tuition`, and the cleaner refuses the listing with that reason): 2,681 BDT a year
(22 USD) at a US university or 1,080,767,869 BDT (8.9 million USD) at a New Zealand one are
scraping or conversion errors. The ceiling is above the dearest real fees seen (about 141,000 USD a
year); the floor is below the token fees of free public universities (about 190 USD in Germany).
"""

import csv
import math
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources

from pipeline.normalize.currency import usd_rate
from pipeline.normalize.price import ListedPrice
from pipeline.records import Cost, Duration

WEEKS_PER_MONTH = 52 / 12
WEEKS_PER_YEAR = 52.0
TUITION_USD_PER_YEAR_RANGE = (50.0, 150_000.0)
UNKNOWN_COST = Cost(usd=None, model=None)


@dataclass(frozen=True)
class PricingRule:
    platform: str
    credential: str
    model: str
    amount: float
    currency: str
    period: str
    as_of: date
    note: str

    @property
    def basis(self) -> str:
        return (
            f"platform_pricing.csv: {self.platform} {self.credential}, "
            f"{self.amount:g} {self.currency} per {self.period} as of {self.as_of.isoformat()}"
        )


@cache
def platform_pricing() -> dict[tuple[str, str], PricingRule]:
    """The shipped rule table, by (platform in lower case, credential)."""
    table = resources.files("pipeline") / "data" / "platform_pricing.csv"
    with table.open(encoding="utf-8") as rows:
        rules = [
            PricingRule(
                row["platform"], row["credential"], row["model"], float(row["amount"]), row["currency"],
                row["period"], date.fromisoformat(row["as_of"]), row["note"],
            )
            for row in csv.DictReader(rows)
        ]  # fmt: skip
    return {(rule.platform.lower(), rule.credential): rule for rule in rules}


def estimate_cost(
    price: ListedPrice | None,
    *,
    credential: str,
    kind: str,
    duration: Duration,
    platform: str | None = None,
    default_period: str | None = None,
    on: date | None = None,
) -> Cost:
    """The Cost of finishing: model, total in USD (None if unknown) at the exchange rate of the date
    `on` (the listing's fetch date), the listed amount and currency."""
    if price is None or price.amount is None:
        return _cost_by_platform_rule(platform, credential, duration, on)
    amount, currency = price.amount, price.currency
    if price.model == "free" or amount == 0:
        return Cost(usd=0.0, model="free", amount=0.0, currency=currency)
    if price.model == "free_audit":
        return _converted(amount, amount, currency, "free_audit", on)
    period = price.period or default_period
    if period == "year":
        years = _years(duration)
        return _converted(amount * years if years else None, amount, currency, "tuition", on)
    if period == "month":
        months = _months(duration)
        return _converted(amount * months if months else None, amount, currency, "subscription", on)
    if period == "credit":
        return _converted(None, amount, currency, "tuition", on)
    return _converted(amount, amount, currency, "tuition" if kind == "degree" else "one_time", on)


def implausible_tuition(
    price: ListedPrice | None, cost: Cost, default_period: str | None = None, on: date | None = None,
) -> str | None:
    """Why a listed yearly tuition cannot be right, or None when it is plausible (or not yearly)."""
    if price is None or cost.model != "tuition" or cost.amount is None or (price.period or default_period) != "year":
        return None
    rate = usd_rate(cost.currency, on)
    if rate is None:
        return None
    yearly = cost.amount * rate.usd_per_unit
    low, high = TUITION_USD_PER_YEAR_RANGE
    if low <= yearly <= high:
        return None
    bound = f"below {low:,.0f}" if yearly < low else f"above {high:,.0f}"
    return (
        f"implausible tuition: {cost.amount:,.0f} {cost.currency} a year is {yearly:,.0f} USD, {bound} USD a year"
    )


def _cost_by_platform_rule(platform: str | None, credential: str, duration: Duration, on: date | None) -> Cost:
    rule = platform_pricing().get(((platform or "").lower(), credential))
    if rule is None:
        return UNKNOWN_COST
    months = _months(duration) if rule.period == "month" else 1
    total = rule.amount * months if months else None
    return replace(_converted(total, rule.amount, rule.currency, rule.model, on), basis=rule.basis)


def _converted(total: float | None, amount: float, currency: str | None, model: str, on: date | None) -> Cost:
    """A Cost whose total is converted to USD; an unknown currency leaves the total unknown."""
    rate = usd_rate(currency, on)
    usd = round(total * rate.usd_per_unit, 2) if rate is not None and total is not None else None
    return Cost(usd=usd, model=model, amount=amount, currency=currency, rate_date=rate.date if rate else None)


def _months(duration: Duration) -> int | None:
    if duration.weeks is None:
        return None
    # Rounded first: 26.0 weeks / (52/12) is 6.000000000000001 in floating point, not 7 months.
    return max(1, math.ceil(round(duration.weeks / WEEKS_PER_MONTH, 6)))


def _years(duration: Duration) -> float | None:
    if duration.weeks is None:
        return None
    return max(1.0, round(duration.weeks / WEEKS_PER_YEAR, 4))

"""Cost model and total cost to finish in USD, from listed price, credential, duration and source facts."""

from datetime import date

import pytest

from pipeline.normalize.cost import estimate_cost, implausible_tuition, platform_pricing
from pipeline.normalize.price import ListedPrice, parse_price
from pipeline.records import Duration

RATE_DATE = date(2024, 1, 2)
NO_DURATION = Duration(None, None)


def cost_of(price, credential="course", kind="certification", duration=NO_DURATION, platform=None, period=None):
    return estimate_cost(
        price, credential=credential, kind=kind, duration=duration, platform=platform, default_period=period,
        on=RATE_DATE,
    )


def test_free_is_zero_and_the_only_zero():
    cost = cost_of(ListedPrice(0.0, "USD", "free"))
    assert (cost.usd, cost.model) == (0.0, "free")


def test_free_audit_costs_the_certificate():
    # edX: "FREE-Add a Verified Certificate for $49 USD"
    cost = cost_of(parse_price("FREE-Add a Verified Certificate for $49 USD"), duration=Duration(7, 7))
    assert (cost.usd, cost.model, cost.amount) == (49.0, "free_audit", 49.0)
    assert (cost.currency, cost.rate_date) == ("USD", RATE_DATE)


def test_one_time_price_in_another_currency_is_converted():
    # Udemy: Price "104.98" in SGD
    cost = cost_of(parse_price("104.98", "SGD"))
    assert cost.model == "one_time"
    assert cost.usd == 79.14  # ECB 2 Jan 2024: 1 SGD = 0.7538705016 USD
    assert (cost.amount, cost.currency, cost.rate_date) == (104.98, "SGD", RATE_DATE)


@pytest.mark.parametrize(
    ("months", "fee", "total"),
    [
        (24, 13320, 26640.0),  # Ecole Polytechnique, "24" months at 13,320 USD a year
        (18, 34592, 51888.0),  # 1.5 years
        (12, 27203, 27203.0),
        (9, 14355, 14355.0),  # a per-year fee is charged at least once
    ],
)
def test_mastersportal_per_year_tuition_times_years(months, fee, total):
    weeks = months * 52 / 12
    cost = cost_of(
        parse_price(str(fee), "USD"), credential="master", kind="degree", duration=Duration(weeks, weeks), period="year"
    )
    assert (cost.model, cost.usd, cost.amount) == ("tuition", total, float(fee))


def test_tuition_free_programs_are_free():
    # University of Oslo, Tuition fee /USD "0"
    price = parse_price("0", "USD")
    cost = cost_of(price, credential="master", kind="degree", duration=Duration(104, 104), period="year")
    assert (cost.model, cost.usd) == ("free", 0.0)


def test_per_year_tuition_without_a_duration_has_no_total():
    cost = cost_of(parse_price("13320", "USD"), credential="master", kind="degree", period="year")
    assert (cost.model, cost.usd, cost.amount) == ("tuition", None, 13320.0)


def test_a_degree_listing_one_figure_is_its_total_tuition():
    # Class Central MOOC-based master's: "$21,440" total cost
    cost = cost_of(parse_price("$21,440"), credential="master", kind="degree")
    assert (cost.model, cost.usd) == ("tuition", 21440.0)


def test_per_credit_fee_gives_no_total():
    cost = cost_of(parse_price("$330 per credit hour"), credential="master", kind="degree")
    assert (cost.model, cost.usd, cost.amount) == ("tuition", None, 330.0)


def test_listed_monthly_price_times_months_at_the_listed_effort():
    cost = cost_of(parse_price("$49/month"), credential="specialization", duration=Duration(13.0, 26.0))
    assert (cost.model, cost.usd) == ("subscription", 6 * 49.0)


@pytest.mark.parametrize(
    ("credential", "duration", "months"),
    [
        ("specialization", Duration(13.0, 26.0), 6),  # " 3 - 6 Months"
        ("professional_certificate", Duration(4.33, 13.0), 3),  # " 1 - 3 Months"
        ("specialization", Duration(1.0, 4.0), 1),  # " 1 - 4 Weeks": a month started is paid
    ],
)
def test_coursera_without_a_price_uses_the_dated_platform_rule(credential, duration, months):
    cost = cost_of(None, credential=credential, duration=duration, platform="Coursera")
    rule = platform_pricing()[("coursera", credential)]
    assert cost.model == "subscription"
    assert cost.usd == months * rule.amount
    assert cost.basis.startswith("platform_pricing.csv: Coursera")
    assert rule.as_of == date(2023, 12, 1)


@pytest.mark.parametrize(
    ("credential", "kind", "platform", "duration"),
    [
        ("course", "certification", "Coursera", Duration(1, 4)),  # Coursera courses: no honest single rule
        ("master", "degree", "Coursera", Duration(104, 104)),
        ("master", "degree", None, NO_DURATION),  # ds-colleges: no price
        ("specialization", "certification", "Coursera", NO_DURATION),  # no months to multiply
    ],
)
def test_unknown_cost_is_none_never_zero(credential, kind, platform, duration):
    cost = cost_of(None, credential=credential, kind=kind, platform=platform, duration=duration)
    assert cost.usd is None


def test_an_unknown_currency_leaves_the_total_unknown():
    cost = cost_of(parse_price("$11,640", "ARS"))
    assert cost.usd is None
    assert (cost.amount, cost.currency) == (11640.0, "ARS")


@pytest.mark.parametrize(
    ("fee", "refusal"),
    [
        # mastersportal_cs_masters_4400.csv: University of Canterbury, and UMass Dartmouth
        (
            "1,080,767,869 BDT / year",
            "implausible tuition: 1,080,767,869 BDT a year is 8,869,243 USD, above 150,000 USD a year",
        ),
        ("2,681 BDT / year", "implausible tuition: 2,681 BDT a year is 22 USD, below 50 USD a year"),
        ("17,137,783 BDT / year", None),  # Northwestern, 140,640 USD: dear but real
        ("23,116 BDT / year", None),  # Augsburg's semester fees, 190 USD
        ("6,850,726 BDT / full", None),  # a whole program, not a year
        ("Free", None),
    ],
)
def test_a_yearly_tuition_outside_the_plausible_range_is_refused(fee, refusal):
    price = parse_price(fee)
    cost = cost_of(price, credential="master", kind="degree", duration=Duration(52, 52))
    assert implausible_tuition(price, cost) == refusal

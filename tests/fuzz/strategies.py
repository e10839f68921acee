"""Shared Hypothesis settings and strategies for the fuzz tests.

`derandomize=True`: every run tries the same examples, so CI is reproducible and a failure found
once is found again. No example database is written into the checkout.
"""

import string

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=150,
    deadline=None,  # two shared cores: a slow example is not a failure
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FEW = settings(FUZZ, max_examples=40)

# What listings write around numbers: currencies, units, periods, ranges, signs, placeholders.
LISTING_WORDS = (
    "$", "US$", "€", "£", "¥", "₹", "S$", "USD", "EUR", "GBP", "INR", "AUD", "XYZ", "free", "Free", "FREE",
    "per year", "/year", "a year", "per month", "monthly", "per credit", "credit hour", "annual",
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "hrs", "h",
    "minutes", "min", "per week", "/ week", "weekly", "a week", "ECTS", "semester", "to", "-", "–", "—",
    "−", "‒", "+", "(", ")", ",", ".", "/", "½", "1½", "¾", "1e999", "NaN", "inf", "None", "N/A", "--",
    "Self-paced", "on campus", "online", "hybrid", "blended", "Beginner", "Advanced", "English", "Deutsch",
    "Germany", "UK", "USA", "Master", "MSc", "Bachelor", "PhD", "Certificate", "Specialization",
)  # fmt: skip
numbers = st.one_of(
    st.integers(-10**7, 10**7).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(-10**6, 10**6, places=2, allow_nan=False).map(str),
    st.from_regex(r"-?\d{1,3}(,\d{3}){0,3}(\.\d{1,2})?", fullmatch=True),
)
listing_text = st.lists(
    st.one_of(st.sampled_from(LISTING_WORDS), numbers, st.text(max_size=4)), max_size=8
).map(" ".join)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(),
    listing_text,
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=8,
)
ascii_words = st.text(string.ascii_letters + " ", max_size=20)

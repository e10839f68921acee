"""Every normaliser on arbitrary input: never raises, answers inside the vocabulary of DESIGN.md,
and gives the same answer when fed its own answer."""

import math

import pycountry
from hypothesis import given
from hypothesis import strategies as st

from crawlers.registry import SOURCES
from pipeline.dedupe import fold, title_similarity
from pipeline.normalize.cost import estimate_cost, implausible_tuition
from pipeline.normalize.country import normalize_country
from pipeline.normalize.credential import classify_credential
from pipeline.normalize.currency import normalize_currency, to_usd
from pipeline.normalize.delivery import normalize_delivery
from pipeline.normalize.duration import parse_duration
from pipeline.normalize.effort import parse_effort, total_hours
from pipeline.normalize.language import normalize_language
from pipeline.normalize.level import normalize_level
from pipeline.normalize.link import program_link
from pipeline.normalize.pacing import normalize_pacing
from pipeline.normalize.price import ListedPrice, parse_price
from pipeline.normalize.rating import MAX_RATING, normalize_rating, normalize_rating_count
from pipeline.normalize.skills import normalize_skills
from pipeline.normalize.text import clean_text, clean_title, parse_flag, text_items
from pipeline.records import Duration
from tests.fuzz.strategies import FUZZ, listing_text, values

CREDENTIALS = ("course", "specialization", "professional_certificate", "graduate_certificate", "bootcamp",
               "associate", "bachelor", "master", "doctorate")
COST_MODELS = (None, "free", "free_audit", "one_time", "subscription", "tuition")
texts = st.one_of(listing_text, st.text())


def is_amount(value) -> bool:
    return value is None or (math.isfinite(value) and value >= 0)


@FUZZ
@given(values, values)
def test_price_is_a_non_negative_amount_in_an_iso_currency(value, currency):
    price = parse_price(value, currency)
    if price is not None:
        assert is_amount(price.amount)
        assert price.currency is None or (len(price.currency) == 3 and price.currency.isupper())
        assert price.model in (None, "free", "free_audit")
        assert price.period in (None, "year", "month", "credit")


@FUZZ
@given(values)
def test_currency_is_an_iso_code_and_stable(value):
    code = normalize_currency(value)
    assert code is None or (len(code) == 3 and code.isalpha() and code.isupper())
    assert normalize_currency(code) == code


@FUZZ
@given(st.floats(allow_nan=True, allow_infinity=True) | st.none(), values)
def test_usd_conversion_is_finite_or_unknown(amount, currency):
    converted = to_usd(amount, normalize_currency(currency))
    assert converted is None or converted.usd is None or math.isfinite(converted.usd) or not math.isfinite(amount)


durations = st.builds(
    lambda low, high: Duration(low, high if high is None or low is None else max(low, high)),
    st.none() | st.floats(0, 600), st.none() | st.floats(0, 600),
)


@FUZZ
@given(
    st.none() | st.builds(ListedPrice, st.none() | st.floats(0, 1e9),
                          st.none() | st.sampled_from(["USD", "EUR", "INR", "XXX"]),
                          st.sampled_from([None, "free", "free_audit"]),
                          st.sampled_from([None, "year", "month", "credit"])),
    st.sampled_from(CREDENTIALS), st.sampled_from(["certification", "degree"]), durations,
    st.sampled_from([None, "Coursera", "edX", "Udemy", "Nowhere"]), st.sampled_from([None, "year", "month", "credit"]),
)
def test_cost_is_never_negative_and_its_model_is_known(price, credential, kind, duration, platform, period):
    cost = estimate_cost(price, credential=credential, kind=kind, duration=duration, platform=platform,
                         default_period=period)
    assert is_amount(cost.usd)
    assert cost.model in COST_MODELS
    assert cost.usd is None or cost.model is not None
    reason = implausible_tuition(price, cost, period)
    assert reason is None or ("\n" not in reason and reason.startswith("implausible tuition"))


@FUZZ
@given(values)
def test_duration_weeks_are_an_ordered_non_negative_range(value):
    parsed = parse_duration(value)
    low, high = parsed.weeks.weeks_min, parsed.weeks.weeks_max
    assert is_amount(low) and is_amount(high) and is_amount(parsed.total_hours)
    assert low is None or high is None or low <= high


@FUZZ
@given(values)
def test_effort_is_non_negative_hours(value):
    effort = parse_effort(value)
    assert is_amount(effort)
    assert is_amount(total_hours(effort, parse_duration(value).weeks))


@FUZZ
@given(values, values, st.none() | st.booleans())
def test_credential_and_kind_are_in_the_vocabulary(raw, title, credit_eligible):
    match = classify_credential(raw, title, credit_eligible=credit_eligible)
    if match is not None:
        assert match.credential in CREDENTIALS
        assert match.kind in ("certification", "degree")


@FUZZ
@given(values)
def test_delivery_pacing_and_level_are_in_the_vocabulary_and_stable(value):
    for normalise, vocabulary in (
        (normalize_delivery, ("online", "on_campus", "hybrid")),
        (normalize_pacing, ("self_paced", "scheduled")),
        (normalize_level, ("beginner", "intermediate", "advanced")),
    ):
        answer = normalise(value)
        assert answer is None or answer in vocabulary
        assert answer is None or normalise(answer) == answer


@FUZZ
@given(values)
def test_language_is_iso_639_1_and_stable(value):
    code = normalize_language(value)
    assert code is None or (len(code) == 2 and pycountry.languages.get(alpha_2=code) is not None)
    assert code is None or normalize_language(code) == code


@FUZZ
@given(values)
def test_country_is_iso_3166_alpha_2_and_stable(value):
    code = normalize_country(value)
    assert code is None or (len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None)
    assert code is None or normalize_country(code) == code


@FUZZ
@given(values)
def test_skills_are_clean_non_empty_texts(value):
    skills = normalize_skills(value)
    assert isinstance(skills, tuple)
    assert all(isinstance(skill, str) and skill and clean_text(skill) == skill for skill in skills)


@FUZZ
@given(values)
def test_text_cleaning_is_idempotent(value):
    text = clean_text(value)
    assert text is None or (text == text.strip() and "\n" not in text)
    assert clean_text(text) == text
    title = clean_title(value)
    assert clean_title(title) == title
    assert parse_flag(value) in (None, True, False)
    assert all(clean_text(item) == item for item in text_items(value))


@FUZZ
@given(values, values)
def test_rating_is_between_zero_and_five(rating, count):
    rating_count = normalize_rating_count(count)
    assert rating_count is None or (isinstance(rating_count, int) and rating_count >= 0)
    score = normalize_rating(rating, rating_count)
    assert score is None or 0 <= score <= MAX_RATING


@FUZZ
@given(st.none() | texts, st.sampled_from(sorted(SOURCES)), st.text(min_size=1), st.none() | st.text(),
       st.sampled_from([None, "Coursera", "edX", "Udemy", "Class Central"]), st.booleans())
def test_a_program_link_is_always_http(url, source, title, offered_by, platform, is_listing):
    if url is not None and not url.lower().startswith(("http://", "https://")):
        url = "https://example.org/" + url  # clean() refuses anything else before it gets here
    link = program_link(url, source=source, title=title, offered_by=offered_by, platform=platform,
                        is_listing=is_listing)
    assert link.url.startswith(("http://", "https://"))
    assert link.kind in ("page", "search")


@FUZZ
@given(st.none() | texts)
def test_fold_is_idempotent_ascii(text):
    folded = fold(text)
    assert folded.isascii()
    assert fold(folded) == folded


@FUZZ
@given(texts, texts)
def test_title_similarity_is_a_score(left, right):
    assert 0 <= title_similarity(fold(left), fold(right)) <= 100
    assert title_similarity(fold(left), fold(left)) == 100 or not fold(left)


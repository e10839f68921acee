"""clean() on arbitrary dicts: a Program inside the vocabulary or a Rejection with a one-line reason;
a negative price, duration or effort is refused, never read as positive."""

import math

from hypothesis import given
from hypothesis import strategies as st

from crawlers.registry import SOURCES
from pipeline.clean import clean
from pipeline.dedupe import dedupe_key, fold
from pipeline.records import Program, Rejection
from pipeline.validate import MAX_DESCRIPTION_CHARS, why_refused, within_bounds
from tests.fuzz.strategies import FEW, FUZZ, listing_text, values

FIELDS = ("source", "source_id", "title", "url", "credential", "provider", "institution", "price", "currency",
          "duration", "effort", "delivery", "pacing", "level", "language", "country", "rating", "rating_count",
          "description", "skills", "subject", "fetched_at", "extra")
VOCABULARY = {
    "kind": {"certification", "degree"},
    "credential": {"course", "specialization", "professional_certificate", "graduate_certificate", "bootcamp",
                   "associate", "bachelor", "master", "doctorate"},
    "delivery": {None, "online", "on_campus", "hybrid"},
    "pacing": {None, "self_paced", "scheduled"},
    "level": {None, "beginner", "intermediate", "advanced"},
}
A_LISTING = {
    "source": "edx-catalog", "source_id": "ml-101", "title": "Machine Learning with Python",
    "url": "https://www.edx.org/learn/machine-learning", "credential": "course",
    "description": "Supervised learning, neural networks and model evaluation in scikit-learn.",
}  # fmt: skip

raw_items = st.fixed_dictionaries(
    {}, optional={field: values for field in FIELDS} | {"source": st.sampled_from(sorted(SOURCES))}
)
listings = st.builds(lambda overrides: {**A_LISTING, **overrides}, raw_items)


def a_program(**changes) -> Program:
    program = clean(A_LISTING)
    assert isinstance(program, Program), program
    from dataclasses import replace

    return replace(program, **changes)


def assert_in_range(program: Program) -> None:
    for field, allowed in VOCABULARY.items():
        assert getattr(program, field) in allowed, (field, getattr(program, field))
    assert program.url.lower().startswith(("http://", "https://"))
    assert program.country is None or (len(program.country) == 2 and program.country.isupper())
    assert program.language is None or (len(program.language) == 2 and program.language.islower())
    for figure in (program.cost.usd, program.duration.weeks_min, program.duration.weeks_max,
                   program.effort_hours_per_week, program.total_hours, program.rating):
        assert figure is None or (math.isfinite(figure) and figure >= 0), program
    assert program.description is None or len(program.description) <= MAX_DESCRIPTION_CHARS + 1
    assert why_refused(program) is None
    assert len(dedupe_key(program)) <= 255


@FUZZ
@given(st.one_of(raw_items, values))
def test_clean_never_raises_on_arbitrary_input(raw):
    result = clean(raw)
    assert isinstance(result, Program | Rejection)
    if isinstance(result, Rejection):
        assert result.reason and "\n" not in result.reason
    else:
        assert_in_range(result)


@FUZZ
@given(listings)
def test_a_plausible_listing_with_arbitrary_fields_is_a_valid_program_or_refused(raw):
    result = clean(raw)
    assert isinstance(result, Program | Rejection)
    if isinstance(result, Program):
        assert_in_range(result)
    else:
        assert result.reason and "\n" not in result.reason


signs = st.sampled_from(["-", "−", "‒", "–"])
prefixes = st.sampled_from(["", "$", "US$ ", "€", "USD ", " ", "$ ", "£"])
magnitudes = st.one_of(st.integers(1, 10**6).map(str), st.floats(0.01, 1e6).map(lambda x: f"{x:.2f}"),
                       st.integers(1, 999).map(lambda n: f"{n},000"))
suffixes = st.sampled_from(["", " USD", " EUR", " per year", " months", " weeks", " years", " hours per week",
                            " hours", " h/week", " a month", " ECTS", " days"])


@FUZZ
@given(st.sampled_from(["price", "duration", "effort"]), prefixes, signs, magnitudes, suffixes)
def test_a_negative_figure_is_never_read_as_positive(field, prefix, sign, magnitude, suffix):
    text = f"{prefix}{sign}{magnitude}{suffix}"
    result = clean({**A_LISTING, field: text})
    assert isinstance(result, Rejection), (text, result)
    assert result.reason.startswith(f"negative {field}")


@FEW
@given(st.sampled_from(["price", "duration", "effort"]), st.integers(-10**6, -1) | st.floats(-1e9, -1e-3))
def test_a_negative_number_is_refused(field, number):
    result = clean({**A_LISTING, field: number})
    assert isinstance(result, Rejection) and result.reason.startswith(f"negative {field}")


@FEW
@given(st.sampled_from(["javascript:", "JavaScript:", "data:", "file:", "vbscript:", "ftp:", "mailto:",
                        " javascript:"]),
       st.text(max_size=30))
def test_only_http_urls_are_stored(scheme, rest):
    result = clean({**A_LISTING, "url": f"{scheme}{rest}"})
    assert isinstance(result, Rejection) and result.reason.startswith("invalid URL")


@FUZZ
@given(listing_text)
def test_validation_holds_for_any_figure(text):
    for field in ("price", "duration", "effort"):
        result = clean({**A_LISTING, field: text})
        if isinstance(result, Program):
            assert within_bounds(result) == result
            assert_in_range(result)


@FEW
@given(st.text(min_size=1, max_size=400))
def test_fold_and_dedupe_keys_of_any_title(title):
    program = a_program(title=title)
    key = dedupe_key(program)
    assert len(key) <= 255 and key.isascii()
    assert fold(fold(title)) == fold(title)

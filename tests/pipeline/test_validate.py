"""Validation before storage: signs and ranges of numbers, lengths, control characters, links."""

import pytest

from pipeline.clean import clean
from pipeline.records import Program, Rejection

# Shaped like a row of mastersportal_cs_masters_694.csv (Oxford, MSc in Computer Science).
MASTERS = {
    "source": "mastersportal",
    "source_id": "university-of-oxford/oxford/computer-science/msc",
    "url": "https://raw.githubusercontent.com/Miosolo/master-projects-analysis/18b985141ee520830d1c7a2011119c1e1d05b79a/export/CS.csv",
    "fetched_at": "2019-08-29T00:00:00Z",
    "title": "Computer Science",
    "provider": "University of Oxford",
    "institution": "University of Oxford",
    "credential": "M.Sc.",
    "duration": "12 months",
    "price": "37000",
    "currency": "USD",
    "country": "United Kingdom",
    "extra": {"price_period": "year"},
}


def with_fields(**fields) -> dict:
    return {**MASTERS, **fields}


@pytest.mark.parametrize(("field", "value"), [
    ("duration", "-24 months"), ("price", "-500"), ("price", "$-500"), ("price", -500), ("effort", "-5 hours per week"),
    ("duration", "−3 years"),
    # Found by tests/fuzz: a currency code before the minus hid it, and a small negative yearly fee
    # was refused as "implausible tuition: 20 USD a year" (read as positive) instead of as negative.
    ("price", "US$ -1"), ("price", "USD -37000"), ("price", "EUR-500"), ("price", "$-20"),
])
def test_a_negative_number_is_refused_never_made_positive(field, value):
    outcome = clean(with_fields(**{field: value}))
    assert isinstance(outcome, Rejection)
    assert outcome.reason.startswith(f"negative {field}")


def test_a_range_is_not_a_negative_number():
    assert isinstance(clean(with_fields(duration="12 - 24 months")), Program)


@pytest.mark.parametrize(("fields", "reason"), [
    ({"source": "ds-colleges", "price": "600000", "extra": {}}, "cost out of range"),
    ({"duration": "11 years"}, "duration out of range"),
    ({"effort": "90 hours per week"}, "effort out of range"),
    ({"title": "Data Science " * 40}, "title longer than 300 characters"),
])
def test_numbers_and_lengths_out_of_range_are_refused(fields, reason):
    outcome = clean(with_fields(**fields))
    assert isinstance(outcome, Rejection)
    assert outcome.reason.startswith(reason)


@pytest.mark.parametrize("price", ["abc", "1e999", "9" * 400])
def test_an_unreadable_price_is_unknown_not_zero(price):
    program = clean(with_fields(price=price))
    assert isinstance(program, Program)
    assert program.cost.usd is None


def test_control_characters_are_removed():
    program = clean(with_fields(title="Computer\x00 Science\x1b\x85", description="Deep\x07 learning"))
    assert (program.title, program.description) == ("Computer Science", "Deep learning")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "file:///etc/passwd"])
def test_only_http_links_are_kept(url):
    outcome = clean(with_fields(url=url))
    assert isinstance(outcome, Rejection)
    assert outcome.reason.startswith("invalid URL")


def test_a_dataset_file_is_never_a_programs_link():
    program = clean(MASTERS)
    assert program.url_kind == "search"
    assert program.url.startswith("https://duckduckgo.com/?q=Computer+Science+University+of+Oxford+site%3Amastersportal.com")


def test_a_platform_listing_without_a_page_links_to_the_platforms_search():
    item = {"source": "coursera-catalog", "source_id": "google/google-data-analytics", "title": "Google Data Analytics",
            "provider": "Google", "credential": "Professional Certificate", "skills": "Data Analysis, SQL",
            "url": "https://raw.githubusercontent.com/Ayesha3456/Coursera-Course-Data-Analysis-SQL/x/Coursera.csv",
            "extra": {"platform": "Coursera"}}
    program = clean(item)
    assert (program.url, program.url_kind) == ("https://www.coursera.org/search?query=Google+Data+Analytics", "search")


def test_a_programs_own_page_is_kept_as_a_page():
    page = "https://www.mastersportal.com/studies/12345/computer-science.html"
    program = clean(with_fields(url=page))
    assert (program.url, program.url_kind) == (page, "page")


def test_a_page_a_source_marks_as_a_listing_of_many_programs_is_not_the_programs_page():
    program = clean(with_fields(url="https://www.studyinsweden.se/programmes/", extra={"url_is_listing": True}))
    assert program.url_kind == "search"


def test_a_listing_without_any_link_gets_a_search_link():
    program = clean(with_fields(url=None))
    assert program.url_kind == "search"

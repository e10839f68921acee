"""Every feed parser on arbitrary and damaged bytes: never raises, yields only items or counted drops."""

import json
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from crawlers.items import ProgramItem
from crawlers.parsers import (
    coursera_catalog,
    coursera_courses,
    ds_colleges,
    edx_catalog,
    futurelearn,
    mastersportal,
    mastersportal_2025,
    studyineurope,
    udacity,
    udemy_catalog,
)  # fmt: skip
from crawlers.parsers.csv_feed import Dropped
from crawlers.registry import SOURCES
from tests.conftest import corpus_path
from tests.fuzz.strategies import FEW, FUZZ

FETCHED_AT = "2025-11-01T12:00:00+00:00"
# Each parser with the real dataset it reads (its first lines are the seed that gets damaged).
FEEDS = {
    "coursera-catalog": (coursera_catalog.parse_feed, "datasets/coursera_catalog_1139.csv"),
    "coursera-programs": (coursera_courses.parse_programs, "datasets/coursera_programs_475.csv"),
    "coursera-program-courses": (coursera_courses.parse_program_courses, "datasets/coursera_program_courses_2183.csv"),
    "ds-colleges": (ds_colleges.parse_feed, "datasets/data_science_colleges_632.csv"),
    "edx-catalog": (edx_catalog.parse_feed, "datasets/edx_courses_974.csv"),
    "mastersportal": (mastersportal.parse_feed, "datasets/mastersportal_cs_masters_694.csv"),
    "mastersportal-2025": (mastersportal_2025.parse_feed, "datasets/mastersportal_cs_masters_4400.csv"),
    "studyineurope": (studyineurope.parse_feed, "datasets/studyineurope_programs_18087.csv"),
    "udemy-catalog": (udemy_catalog.parse_feed, "datasets/udemy_raw_16429.csv"),
    "udacity": (udacity.parse_feed, "api/udacity_catalog_198.json"),
    "futurelearn": (futurelearn.parse_feed, "api/futurelearn_courses_514.json"),
}
FEED_URLS = {"mastersportal-2025": SOURCES["mastersportal"].feeds[1],
             "studyineurope": SOURCES["studyineurope"].feeds[0]}
WORKBOOK = "datasets/coursera_courses_3522.xlsx"
HEAD_LINES = 12


@cache
def head_of(relative: str) -> bytes:
    """The first lines of a CSV dataset, or the first records of a JSON one (re-serialised)."""
    path = corpus_path(relative)
    if relative.endswith(".json"):
        data = json.loads(path.read_bytes())
        if isinstance(data, dict):
            data = {key: value[:3] if isinstance(value, list) else value for key, value in data.items()}
        else:
            data = data[:3]
        return json.dumps(data).encode()
    lines = []
    with path.open("rb") as file:
        # Whole records only: a quoted field may span lines, so stop where the quotes are balanced.
        while (line := file.readline()) and (len(lines) < HEAD_LINES or b"".join(lines).count(b'"') % 2):
            lines.append(line)
    return b"".join(lines)


def run(name: str, body: bytes) -> list:
    parse, _ = FEEDS[name]
    results = list(parse(body, FEED_URLS.get(name, f"https://example.org/{name}"), FETCHED_AT))
    for result in results:
        assert isinstance(result, ProgramItem | Dropped), (name, result)
        if isinstance(result, Dropped):
            assert result.reason and "\n" not in result.reason
    return results


@st.composite
def damaged(draw, seed: bytes) -> bytes:
    """The seed truncated, with bytes flipped, a chunk duplicated or junk spliced in."""
    body = bytearray(seed[: draw(st.integers(0, len(seed)))])
    for _ in range(draw(st.integers(0, 4))):
        if not body:
            break
        position = draw(st.integers(0, len(body) - 1))
        action = draw(st.sampled_from(["flip", "insert", "duplicate", "delete"]))
        if action == "flip":
            body[position] = draw(st.integers(0, 255))
        elif action == "insert":
            body[position:position] = draw(st.binary(max_size=8) | st.sampled_from(
                [b'"', b",", b"\r", b"\n", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"-1", b"NaN", b"{", b"]"]))
        elif action == "duplicate":
            body[position:position] = body[position: position + draw(st.integers(1, 200))]
        else:
            del body[position: position + draw(st.integers(1, 50))]
    return bytes(body)


@FUZZ
@given(st.sampled_from(sorted(FEEDS)), st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(name, body):
    run(name, body)


@FUZZ
@given(st.data(), st.sampled_from(sorted(FEEDS)))
def test_a_damaged_real_feed_never_raises(data, name):
    run(name, data.draw(damaged(head_of(FEEDS[name][1]))))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["key", "title", "courses", "degrees", "uuid", "url", "name", "runs", "description",
                         "duration_in_weeks", "hours_per_week", "organisation", "expected_duration", "level"])
        | st.text(max_size=6), inner, max_size=5),
    max_leaves=20,
)


@FUZZ
@given(st.sampled_from(["udacity", "futurelearn"]), json_values)
def test_any_json_document_never_raises(name, document):
    run(name, json.dumps(document).encode())


@FEW
@given(st.integers(0, 4000), st.binary(max_size=16))
def test_a_truncated_workbook_never_raises(cut, junk):
    body = corpus_path(WORKBOOK).read_bytes()
    for result in coursera_courses.parse_courses_workbook(body[:cut] + junk, "https://example.org/c.xlsx", FETCHED_AT):
        assert isinstance(result, ProgramItem | Dropped)


def test_the_seeds_are_real_feeds():
    """The damaged seeds start from real rows: each seed parses to at least one item."""
    for name, (_parse, relative) in FEEDS.items():
        assert any(isinstance(result, ProgramItem) for result in run(name, head_of(relative))), name

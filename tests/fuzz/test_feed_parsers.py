"""Every feed parser on arbitrary and damaged bytes: never raises, yields only items or counted drops."""

import json
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from crawlers.items import ProgramItem
from crawlers.parsers import coursera_courses
from crawlers.parsers.csv_feed import Dropped
from tests.conftest import corpus_path
from tests.fuzz.strategies import FEW, FUZZ
from tests.pipeline.corpus_items import FEEDS as SOURCE_FEEDS

FETCHED_AT = "2025-11-01T12:00:00+00:00"
WORKBOOK = "datasets/coursera_courses_3522.xlsx"  # binary: fuzzed by truncation below, not line by line
# Each feed parser with the real dataset it reads (its first records are the seed that gets damaged).
FEEDS = {
    file: (parse, file, url)
    for feeds in SOURCE_FEEDS.values() for file, parse, url in feeds if file != WORKBOOK
}  # fmt: skip
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
    parse, _file, url = FEEDS[name]
    results = list(parse(body, url, FETCHED_AT))
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
    run(name, data.draw(damaged(head_of(name))))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["key", "title", "courses", "degrees", "uuid", "url", "name", "runs", "description",
                         "duration_in_weeks", "hours_per_week", "organisation", "expected_duration", "level"])
        | st.text(max_size=6), inner, max_size=5),
    max_leaves=20,
)


@FUZZ
@given(st.sampled_from(sorted(name for name in FEEDS if name.endswith(".json"))), json_values)
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
    assert len(FEEDS) == 11
    for name in FEEDS:
        assert any(isinstance(result, ProgramItem) for result in run(name, head_of(name))), name

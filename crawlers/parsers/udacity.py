"""Udacity's public catalogue API (April 2017 dump, one JSON feed): courses and nanodegrees.

``{"courses": [...], "degrees": [...], "tracks": [...]}``. The API's "degrees" are Nanodegree programs:
paid certificates of several months built with industry partners, not academic degrees; they are
listed with the credential "Nanodegree" (a professional certificate, see
pipeline/normalize/credential.py). A record is keyed by its Udacity key (``ud120``, ``nd009``).
"""

from collections.abc import Iterator
from functools import partial

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, MalformedRow, page_url, program_item
from crawlers.parsers.json_feed import load_json_feed, parse_records, text_of

SOURCE = "udacity"
PLATFORM = "Udacity"
# Lists of the catalogue read, and the credential each one's records are.
LISTINGS = {"courses": "Course", "degrees": "Nanodegree"}


def parse_feed(body: bytes, source_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    catalogue = load_json_feed(body, dict, "the catalogue object")
    if isinstance(catalogue, Dropped):
        yield catalogue
        return
    for listing, credential in LISTINGS.items():
        records = catalogue.get(listing)
        if not isinstance(records, list):
            yield Dropped("unexpected_shape", f"no list of {listing!r}")
            continue
        to_item = partial(listing_item, credential=credential, fetched_at=fetched_at)
        yield from parse_records(records, what=listing, to_item=to_item)


def listing_item(record: dict, credential: str, fetched_at: str) -> ProgramItem:
    key, title = text_of(record.get("key")), text_of(record.get("title"))
    if key is None or title is None:
        raise MalformedRow("missing_title" if key else "missing_key", f"key {key!r}, title {title!r}")
    return program_item(
        source=SOURCE,
        source_id=key,
        url=page_url(text_of(record.get("homepage"))),  # without the utm query
        fetched_at=fetched_at,
        title=title,
        provider=PLATFORM,
        credential=credential,
        description=text_of(record.get("summary")) or text_of(record.get("short_summary")),
        subject=[name for name in record.get("tracks") or () if isinstance(name, str)],
        level=text_of(record.get("level")),
        duration=duration(record.get("expected_duration"), record.get("expected_duration_unit")),
        extra={
            "platform": PLATFORM,
            "subtitle": text_of(record.get("subtitle")),
            "required_knowledge": text_of(record.get("required_knowledge")),
            "affiliates": [
                affiliate["name"] for affiliate in record.get("affiliates") or ()
                if isinstance(affiliate, dict) and text_of(affiliate.get("name"))
            ],
            "related_degree_keys": [
                degree for degree in record.get("related_degree_keys") or () if isinstance(degree, str)
            ],
        },
    )


def duration(amount: object, unit: object) -> str | None:
    """'4 weeks' from 4 and 'weeks'; a zero, empty or non-numeric amount, or no unit, is unknown."""
    if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount <= 0 or not text_of(unit):
        return None
    return f"{amount:g} {text_of(unit)}"

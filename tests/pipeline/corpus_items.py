"""The corpus datasets as raw items, read by the crawlers' own feed parsers (one mapping, theirs)."""

from collections.abc import Iterator
from pathlib import Path

from crawlers.parsers import coursera_catalog, ds_colleges, edx_catalog, mastersportal, udemy_catalog
from crawlers.parsers.csv_feed import Dropped
from crawlers.registry import SOURCES

FETCHED_AT = "2024-01-01T00:00:00+00:00"

# source -> (corpus file, parser module, feed URL)
FEEDS = {
    "coursera-catalog": ("datasets/coursera_catalog_1139.csv", coursera_catalog, SOURCES["coursera-catalog"].feeds[0]),
    "edx-catalog": ("datasets/edx_courses_974.csv", edx_catalog, SOURCES["edx-catalog"].feeds[0]),
    "udemy-catalog": ("datasets/udemy_raw_16429.csv", udemy_catalog, SOURCES["udemy-catalog"].feeds[0]),
    "ds-colleges": ("datasets/data_science_colleges_632.csv", ds_colleges, SOURCES["ds-colleges"].feeds[0]),
    "mastersportal": ("datasets/mastersportal_cs_masters_694.csv", mastersportal, SOURCES["mastersportal"].feeds[0]),
}


def raw_items(source: str, path: Path) -> Iterator[dict]:
    """What the spider would put in its feed for this dataset: dicts, as the flow reads them back."""
    _file, parser, feed_url = FEEDS[source]
    for result in parser.parse_feed(path.read_bytes(), feed_url, FETCHED_AT):
        if not isinstance(result, Dropped):
            yield dict(result)

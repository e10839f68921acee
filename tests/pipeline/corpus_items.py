"""The corpus datasets as raw items, read by the crawlers' own feed parsers (one mapping, theirs)."""

from collections.abc import Iterator
from pathlib import Path

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
)
from crawlers.parsers.csv_feed import Dropped
from crawlers.registry import SOURCES

FETCHED_AT = "2024-01-01T00:00:00+00:00"


def _feeds(source: str, *files_and_parsers) -> tuple:
    """(corpus file, parser, feed URL) per feed of the source, in the registry's order."""
    feeds = zip(files_and_parsers, SOURCES[source].feeds, strict=True)
    return tuple((file, parse, url) for (file, parse), url in feeds)


FEEDS = {
    "coursera-catalog": _feeds("coursera-catalog", ("datasets/coursera_catalog_1139.csv", coursera_catalog.parse_feed)),
    "edx-catalog": _feeds("edx-catalog", ("datasets/edx_courses_974.csv", edx_catalog.parse_feed)),
    "udemy-catalog": _feeds("udemy-catalog", ("datasets/udemy_raw_16429.csv", udemy_catalog.parse_feed)),
    "ds-colleges": _feeds("ds-colleges", ("datasets/data_science_colleges_632.csv", ds_colleges.parse_feed)),
    "mastersportal": _feeds(
        "mastersportal",
        ("datasets/mastersportal_cs_masters_694.csv", mastersportal.parse_feed),
        ("datasets/mastersportal_cs_masters_4400.csv", mastersportal_2025.parse_feed),
    ),
    "studyineurope": _feeds("studyineurope", ("datasets/studyineurope_programs_18087.csv", studyineurope.parse_feed)),
    "coursera-courses": _feeds(
        "coursera-courses",
        ("datasets/coursera_courses_3522.xlsx", coursera_courses.parse_courses_workbook),
        ("datasets/coursera_programs_475.csv", coursera_courses.parse_programs),
        ("datasets/coursera_program_courses_2183.csv", coursera_courses.parse_program_courses),
    ),
    "udacity": _feeds("udacity", ("api/udacity_catalog_198.json", udacity.parse_feed)),
    "futurelearn": _feeds("futurelearn", ("api/futurelearn_courses_514.json", futurelearn.parse_feed)),
}


def raw_items(source: str, paths: tuple[Path, ...]) -> Iterator[dict]:
    """What the spider would put in its feed for these datasets (the source's feeds, in order): dicts,
    as the flow reads them back."""
    for (_file, parse, feed_url), path in zip(FEEDS[source], paths, strict=True):
        for result in parse(path.read_bytes(), feed_url, FETCHED_AT):
            if not isinstance(result, Dropped):
                yield dict(result)

"""Flows fixtures: a small replay archive built from a few corpus records."""

import csv
import io

import pytest

from crawlers.registry import SOURCES
from tests.conftest import corpus_path
from tests.warc import write_capture

# A few rows of two real feeds: enough for programs of both sources, quick to crawl.
SAMPLED_FEEDS = {
    "ds-colleges": "datasets/data_science_colleges_632.csv",
    "mastersportal": "datasets/mastersportal_cs_masters_694.csv",
}
SAMPLE_ROWS = 60


def sample_csv(path, rows: int) -> bytes:
    with path.open(newline="", encoding="utf-8") as stream:
        reader = csv.reader(stream)
        sample = [row for _, row in zip(range(rows + 1), reader, strict=False)]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(sample)
    return out.getvalue().encode()


@pytest.fixture(scope="session")
def small_archive(tmp_path_factory):
    """A WARC with the first rows of the ds-colleges and mastersportal feeds, at their feed URLs."""
    archive = tmp_path_factory.mktemp("archive") / "small.warc.gz"
    for source, relative in SAMPLED_FEEDS.items():
        write_capture(archive, SOURCES[source].feeds[0], sample_csv(corpus_path(relative), SAMPLE_ROWS),
                      [("Content-Type", "text/csv")], "2026-11-01T00:00:00Z")
    return archive

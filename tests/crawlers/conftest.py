"""Feed parser tests: each test module names its PARSER, FEED_FILE, FEED_URL and FETCHED_AT; the
fixtures here parse that real dataset once per session."""

from functools import cache
from pathlib import Path

import pytest

from crawlers.parsers.csv_feed import Dropped


@cache
def _parsed(parser, path: Path, feed_url: str, fetched_at: str) -> tuple:
    return tuple(parser.parse_feed(path.read_bytes(), feed_url, fetched_at))


@pytest.fixture
def results(request, corpus):
    """Everything the module's parser yields from its dataset: items and counted drops."""
    module = request.module
    return _parsed(module.PARSER, corpus(module.FEED_FILE), module.FEED_URL, module.FETCHED_AT)


@pytest.fixture
def items(results):
    return [result for result in results if not isinstance(result, Dropped)]

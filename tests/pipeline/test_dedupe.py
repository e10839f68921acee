"""Keys that are right in every script, and near-duplicates across sources."""

import dataclasses

import pytest

from pipeline.dedupe import dedupe_key, fold
from tests.pipeline.test_store import EDX_COURSE


def titled(title: str, **fields):
    return dataclasses.replace(EDX_COURSE, title=title, **fields)


@pytest.mark.parametrize(("text", "folded"), [
    ("Machine Learning: A–Z", "machine learning a z"),
    ("Google データアナリティクス", "google detaanariteikusu"),
    ("Машинне навчання", "mashinne navchannya"),
    ("Ciencia de Datos", "ciencia de datos"),
])
def test_text_folds_to_transliterated_ascii_words(text, folded):
    assert fold(text) == folded


def test_titles_in_other_scripts_keep_their_own_keys():
    titles = ["Google データアナリティクス", "Google サイバーセキュリティ", "Google Аналітика даних", "Google"]
    assert len({dedupe_key(titled(title)) for title in titles}) == 4


def test_a_title_that_folds_to_almost_nothing_is_keyed_by_its_own_listing():
    first = titled("!!!", source_id="udemy/1")
    second = titled("???", source_id="udemy/2")
    assert dedupe_key(first) != dedupe_key(second)
    assert "udemy/1" in dedupe_key(first)

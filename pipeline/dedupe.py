"""One program, many listings: the key under which listings are merged, and the near-duplicate test.

Keys are built from transliterated text (anyascii: "Google データアナリティクス" -> "google deetaanarite...",
"Машинне навчання" -> "mashinne navchannia"), so titles in other scripts stay apart instead of folding
to their Latin words only. A title that still folds to almost nothing (emoji, punctuation) is keyed by
its own listing, so it can never merge with another such title.
"""

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from pipeline.records import Program

_NOT_WORD = re.compile(r"[^a-z0-9]+")
MIN_KEY_CHARACTERS = 4  # fewer letters and digits than this says nothing about which program it is
NEAR_DUPLICATE_SCORE = 93  # rapidfuzz token_sort_ratio of folded titles (0-100), same credential and school


@lru_cache(maxsize=1 << 16)  # storing folds each title and school several times per listing
def fold(text: str | None) -> str:
    """Lower-case ASCII words joined by single spaces: 'Machine Learning: A–Z' -> 'machine learning a z'."""
    if not text:
        return ""
    return _NOT_WORD.sub(" ", anyascii(text).lower()).strip()


def offered_by(program: Program) -> str:
    """Who gives the credential, folded: the institution when the listing names one, else the provider."""
    return fold(program.institution or program.provider)


def folded_title(program: Program) -> str:
    title = fold(program.title)
    if len(title.replace(" ", "")) < MIN_KEY_CHARACTERS:
        return f"{title} [{program.source}:{program.source_id}]"
    return title


def dedupe_key(program: Program) -> str:
    """Same credential, same title, same school or provider (in the same US state, where one is known:
    "Columbia College" is a school in Missouri and another in South Carolina): the same program."""
    state = f"|{program.us_state}" if program.us_state else ""
    return f"{program.credential}|{folded_title(program)}|{offered_by(program)}{state}"[:255]


# 0-100: how alike two folded titles are, word order aside (a rapidfuzz scorer).
title_similarity = fuzz.token_sort_ratio

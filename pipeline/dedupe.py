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
# Folded names of a credential that some sources append to a title and others leave out.
CREDENTIAL_SUFFIXES = {
    "specialization": ("specialization", "specialisation"),
    "professional_certificate": ("professional certificate",),
}
_NUMERAL = re.compile(r"\d+|[ivx]+")  # a folded word that numbers a part or a sequel: "2", "ii", "iv"
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


def title_words(title: str | None, credential: str) -> str:
    """A title as listings are matched by: folded, without a trailing name of the listing's own
    credential (Coursera's pages say "Deep Learning Specialization", its catalogue "Deep Learning")."""
    folded = fold(title)
    for suffix in CREDENTIAL_SUFFIXES.get(credential, ()):
        folded = folded.removesuffix(f" {suffix}")
    return folded


def folded_title(program: Program) -> str:
    title = title_words(program.title, program.credential)
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


def numerals(folded: str) -> frozenset[str]:
    """The words of a folded title that number it: "American Contract Law I" and "... II" differ in
    these alone, and are two courses however alike the rest."""
    return frozenset(word for word in folded.split() if _NUMERAL.fullmatch(word))

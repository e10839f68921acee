"""One program, many listings: the key under which listings from different sources are merged."""

import re
import unicodedata

from pipeline.records import Program

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str | None) -> str:
    """Lower-case ASCII words joined by single spaces: 'Machine Learning: A–Z' -> 'machine learning a z'."""
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_WORD.sub(" ", ascii_text.lower()).strip()


def dedupe_key(program: Program) -> str:
    """Same credential, same title, same school or provider: the same program, whoever lists it."""
    offered_by = fold(program.institution or program.provider)
    return f"{program.credential}|{fold(program.title)}|{offered_by}"[:255]

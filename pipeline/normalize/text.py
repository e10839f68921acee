"""Listing text -> clean text or None: the placeholders datasets use for "nothing here" are missing."""

import math
import re

# Literal placeholders found in the published datasets ("None" in the Coursera catalogue, "" elsewhere).
MISSING_MARKERS = frozenset({"", "none", "null", "nan", "n/a", "na", "-", "--", "not available", "unknown"})

# Control characters other than whitespace (C0, DEL, C1): never part of a listing's text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(value: object) -> str | None:
    """Whitespace-collapsed text without control characters, or None when empty or a placeholder."""
    if value is None or isinstance(value, (dict, list, tuple, set, bool)):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = " ".join(_CONTROL.sub("", str(value)).split())  # split() is the whitespace of \s, and faster
    return None if text.lower() in MISSING_MARKERS else text


def clean_title(value: object) -> str | None:
    """A title without the dangling punctuation some listings end with ("Google Project Management:")."""
    text = clean_text(value)
    if text is None:
        return None
    text = text.rstrip(":;,|-– ").strip()
    return text or None


def parse_flag(value: object) -> bool | None:
    """True/False from the many spellings datasets use ("True", "T", "yes", 1); None when unknown."""
    if isinstance(value, bool):
        return value
    text = clean_text(value)
    if text is None:
        return None
    lowered = text.lower()
    if lowered in {"true", "t", "yes", "y", "1"}:
        return True
    if lowered in {"false", "f", "no", "n", "0"}:
        return False
    return None


def text_items(value: object) -> list[str]:
    """The text pieces of a value that may be one string or a list of strings (subject, skills)."""
    if isinstance(value, (list, tuple, set)):
        return [text for item in value if (text := clean_text(item)) is not None]
    text = clean_text(value)
    return [text] if text is not None else []

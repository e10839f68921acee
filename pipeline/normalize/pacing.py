"""Pacing text -> self_paced | scheduled ("Self-paced on your time", "Instructor-led on a course schedule")."""

import re

from pipeline.normalize.text import clean_text

_SELF_PACED = re.compile(r"self[\s-]?paced|own\s+pace|on[\s-]demand|flexible|anytime|on\s+your\s+time", re.I)
_SCHEDULED = re.compile(
    r"instructor[\s-]led|schedul|cohort|session|\blive\b|fixed\s+dates|\bterms?\b|semester|\bstarts?\b", re.I
)


def normalize_pacing(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    if _SELF_PACED.search(text):
        return "self_paced"
    if _SCHEDULED.search(text):
        return "scheduled"
    return None

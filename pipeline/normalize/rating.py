"""Rating and rating-count values -> a rating in [0, 5] and a count; unrated listings have no rating.

Udemy lists unrated courses as rating "0" with 0 ratings: that is no rating, not a bad one. Coursera
writes counts as floats ("16400.0").
"""

import math

from pipeline.normalize.text import clean_text

MAX_RATING = 5.0


def normalize_rating_count(value: object) -> int | None:
    number = _number(value)
    if number is None or number < 0:
        return None
    return int(round(number))


def normalize_rating(value: object, rating_count: int | None = None) -> float | None:
    number = _number(value)
    if number is None or not 0 < number <= MAX_RATING or rating_count == 0:
        return None
    return number


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = clean_text(value)
        if text is None:
            return None
        try:
            number = float(text.replace(",", ""))
        except ValueError:
            return None
    return number if math.isfinite(number) else None

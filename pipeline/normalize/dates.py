"""A listing's fetch time (ISO 8601, as crawlers stamp it) -> its date; None when it cannot be read."""

from datetime import date, datetime

from pipeline.normalize.text import clean_text


def fetch_date(value: object) -> date | None:
    text = clean_text(value)
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None

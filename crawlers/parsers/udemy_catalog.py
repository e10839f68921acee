"""Udemy catalogue dataset (CSV feed, scraped 2021 in the Singapore locale): one row per course.

Columns used: ID, Title, Overall_Rating, No_of_Ratings, Category, Subcategory, Topic, Instructor,
Language, SkillsFuture, No_of_Practice_Test, No_of_Articles, No_of_Coding_Exercises, Video_Duration,
No_of_Additional_Resources, Bestseller, Price, Discounted_Price. Records are keyed by the Udemy ID.
The feed holds every category; choosing the relevant ones is left to the catalogue's ranking.
"""

import ast
from collections.abc import Iterator
from functools import lru_cache

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, FeedRow, flag, parse_csv_feed, program_item, slug

SOURCE = "udemy-catalog"
PLATFORM = "Udemy"
REQUIRED_COLUMNS = (
    "ID", "Title", "Overall_Rating", "No_of_Ratings", "Category", "Subcategory", "Topic", "Instructor",
    "Language", "Video_Duration", "Price", "Discounted_Price",
)
# The scrape ran in Singapore: listed prices are in SGD, as every Discounted_Price record confirms.
LISTING_CURRENCY = "SGD"
LONGEST_PRICE_RECORD = 1000  # characters; anything longer is not the small dict the feed writes


def parse_feed(body: bytes, source_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    return parse_csv_feed(
        body,
        required_columns=REQUIRED_COLUMNS,
        title_column="Title",
        to_item=lambda row: program_from_row(row, source_url, fetched_at),
    )


def program_from_row(row: FeedRow, source_url: str, fetched_at: str) -> ProgramItem:
    discounted = discounted_price(row.get("Discounted_Price"))
    duration = row.get("Video_Duration")
    return program_item(
        source=SOURCE,
        source_id=row.get("ID") or slug(row.get("Instructor"), row.get("Title")),
        url=source_url,  # the feed gives no course URL
        fetched_at=fetched_at,
        title=row.get("Title"),
        provider=row.get("Instructor"),
        subject=[label for label in (row.get("Category"), row.get("Subcategory"), row.get("Topic")) if label],
        language=row.get("Language"),
        duration=duration,
        price=row.get("Price"),
        currency=discounted.get("currency") or LISTING_CURRENCY,
        rating=_rating(row),
        rating_count=row.get("No_of_Ratings"),
        extra={
            "platform": PLATFORM,
            # Video_Duration is the total length of the videos, not the time to finish the course.
            "duration_is_total_video": True if duration else None,
            "discounted_price": discounted.get("amount"),
            "discounted_price_text": discounted.get("price_string"),
            "bestseller": flag(row.get("Bestseller")),
            "skillsfuture_eligible": flag(row.get("SkillsFuture")),
            "practice_tests": row.get("No_of_Practice_Test"),
            "articles": row.get("No_of_Articles"),
            "coding_exercises": row.get("No_of_Coding_Exercises"),
            "additional_resources": row.get("No_of_Additional_Resources"),
        },
    )


def discounted_price(text: str | None) -> dict:
    """The feed's dict-like price record, e.g. "{'amount': 22.0, 'currency': 'SGD', ...}"; {} if unreadable.

    Read as a Python literal (ast.literal_eval evaluates no code); never eval.
    """
    if not text or len(text) > LONGEST_PRICE_RECORD:
        return {}
    return dict(_price_record(text))


@lru_cache(maxsize=1024)  # the feed repeats a few dozen distinct records over 16,000 rows
def _price_record(text: str) -> tuple[tuple[object, object], ...]:
    try:
        record = ast.literal_eval(text)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return ()
    if not isinstance(record, dict):
        return ()
    return tuple((key, value) for key, value in record.items() if isinstance(value, (str, int, float)))


def _rating(row: FeedRow) -> str | None:
    # Unrated courses are listed with Overall_Rating 0: that is no rating, not a bad one.
    if row.get("No_of_Ratings") == "0":
        return None
    return row.get("Overall_Rating")

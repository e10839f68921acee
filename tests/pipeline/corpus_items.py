"""The corpus datasets as raw items, mapped the way the catalogue crawlers map their CSV feeds.

Only the fields clean() reads; `url` is the row's own page where the dataset has one, else the feed's
URL with the row's key (what a crawler records as "the page it was read from").
"""

import ast
import csv
from collections.abc import Iterator
from pathlib import Path

FEEDS = {
    "coursera-catalog": (
        "datasets/coursera_catalog_1139.csv",
        "https://raw.githubusercontent.com/Ayesha3456/Coursera-Course-Data-Analysis-SQL/"
        "155d83f5066e14573132f517f43213e2fa579a87/Coursera.csv",
    ),
    "edx-catalog": (
        "datasets/edx_courses_974.csv",
        "https://raw.githubusercontent.com/RodoArellano/Project_MOOC_Analysis_and_Visualization_ESP/"
        "5c8f709b4b49cb34264921234e2f4b5b7c3dea0f/edx_courses.csv",
    ),
    "udemy-catalog": (
        "datasets/udemy_raw_16429.csv",
        "https://raw.githubusercontent.com/Kelizaaaaa/Udemy-Data-Project/"
        "8afced33c6cbda342871f4fdfbe45e9de7665489/Data/Udemy_Raw.csv",
    ),
    "ds-colleges": (
        "datasets/data_science_colleges_632.csv",
        "https://raw.githubusercontent.com/ryanswanstrom/awesome-datascience-colleges/"
        "ecc1d469d1363717f621fd338e258554be9abb1f/data_science_colleges.csv",
    ),
    "mastersportal": (
        "datasets/mastersportal_cs_masters_694.csv",
        "https://raw.githubusercontent.com/Miosolo/master-projects-analysis/"
        "18b985141ee520830d1c7a2011119c1e1d05b79a/export/CS.csv",
    ),
}


def raw_items(source: str, path: Path) -> Iterator[dict]:
    feed_url = FEEDS[source][1]
    with path.open(encoding="utf-8", newline="") as rows:
        for index, row in enumerate(csv.DictReader(rows)):
            yield MAPPERS[source](row, index, feed_url)


def _coursera(row: dict, index: int, feed_url: str) -> dict:
    return {
        "source": "coursera-catalog",
        "source_id": f"{row['partner'].strip()}|{row['course'].strip()}|{index}",
        "url": f"{feed_url}#row={index}",
        "title": row["course"],
        "provider": row["partner"],
        "skills": row["skills"],
        "rating": row["rating"],
        "rating_count": row["reviewcount"],
        "level": row["level"],
        "credential": row["certificatetype"],
        "duration": row["duration"],
        "extra": {"platform": "Coursera", "credit_eligible": row["crediteligibility"]},
    }


def _edx(row: dict, index: int, feed_url: str) -> dict:
    return {
        "source": "edx-catalog",
        "source_id": row["course_url"] or f"row-{index}",
        "url": row["course_url"] or f"{feed_url}#row={index}",
        "title": row["title"],
        "institution": row["institution"],
        "description": row["summary"] + "\n" + row["course_description"],
        "subject": row["subject"],
        "pacing": row["course_type"],
        "level": row["Level"],
        "language": row["language"],
        "effort": row["course_effort"],
        "duration": row["course_length"],
        "price": row["price"],
        "extra": {"platform": "edX"},
    }


def _udemy(row: dict, index: int, feed_url: str) -> dict:
    return {
        "source": "udemy-catalog",
        "source_id": row["ID"],
        "url": f"{feed_url}#id={row['ID']}",
        "title": row["Title"],
        "provider": row["Instructor"],
        "subject": [row["Category"], row["Subcategory"], row["Topic"]],
        "language": row["Language"],
        "duration": row["Video_Duration"],
        "price": row["Price"],
        "currency": "SGD",
        "rating": row["Overall_Rating"],
        "rating_count": row["No_of_Ratings"],
        "extra": {
            "platform": "Udemy",
            "duration_is_total_video": True,
            "discounted_price": _dict_or_none(row["Discounted_Price"]),
        },
    }


def _ds_colleges(row: dict, index: int, feed_url: str) -> dict:
    ways = [way for flag, way in ((row["ONLINE"], "online"), (row["ONCAMPUS"], "on campus")) if flag == "T"]
    return {
        "source": "ds-colleges",
        "source_id": row["URL"] or f"row-{index}",
        "url": row["URL"],
        "title": row["PROGRAM"],
        "institution": row["SCHOOL"],
        "credential": row["DEGREE"],
        "delivery": "; ".join(ways),
        "country": row["COUNTRY"],
        "city": row["CITY"],
    }


def _mastersportal(row: dict, index: int, feed_url: str) -> dict:
    return {
        "source": "mastersportal",
        "source_id": f"{row['School']}|{row['Program']}|{row['Degree']}|{row['']}",
        "url": f"{feed_url}#row={row['']}",
        "title": row["Program"],
        "institution": row["School"],
        "credential": row["Degree"],
        "duration": f"{row['Duration /month']} months",
        "price": row["Tuition fee /USD"],
        "currency": "USD",
        "country": row["Country"],
        "city": row["City"],
    }


def _dict_or_none(text: str) -> dict | None:
    try:
        value = ast.literal_eval(text) if text else None
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, dict) else None


MAPPERS = {
    "coursera-catalog": _coursera,
    "edx-catalog": _edx,
    "udemy-catalog": _udemy,
    "ds-colleges": _ds_colleges,
    "mastersportal": _mastersportal,
}

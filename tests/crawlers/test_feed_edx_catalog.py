"""The edX catalogue feed parser on the real dataset (datasets/edx_courses_974.csv)."""

from crawlers.parsers import edx_catalog

PARSER = edx_catalog
FEED_FILE = "datasets/edx_courses_974.csv"
FEED_URL = "https://example.org/edx_courses.csv"
FETCHED_AT = "2023-06-21T00:00:00+00:00"


def by_url(items, url):
    [item] = [item for item in items if item["url"] == url]
    return item


def test_every_course_is_an_item_keyed_by_its_url(results, items):
    assert len(items) == len(results) == 974
    assert all(
        item["source_id"] == item["url"] and item["url"].startswith("https://www.edx.org/course/") for item in items
    )
    assert len({item["source_id"] for item in items}) == 974


def test_a_known_course(items):
    item = by_url(items, "https://www.edx.org/course/how-to-learn-online")
    assert item["title"] == "How to Learn Online"
    assert item["provider"] == "edX" and item["institution"] == "edX"
    assert item["pacing"] == "Self-paced on your time"
    assert item["level"] == "Introductory"
    assert item["subject"] == "Education & Teacher Training"
    assert item["language"] == "English"
    assert item["effort"] == "2–3 hours per week"
    assert item["duration"] == "2 Weeks"
    assert item["price"] == "FREE-Add a Verified Certificate for $49 USD"
    assert item["description"].startswith(
        "Learn essential strategies for successful online learning\n\nDesigned for those"
    )
    assert item["extra"]["n_enrolled"] == "124980"
    assert item["extra"]["platform"] == "edX"
    assert item["fetched_at"] == FETCHED_AT


def test_placeholder_texts_are_left_out(items):
    # summary "no abstract available", course_description "pending", course_syllabus "pending"
    lawyers = by_url(items, "https://www.edx.org/course/cs50-for-lawyers")
    assert "description" not in lawyers
    assert "syllabus" not in lawyers["extra"]
    # summary "no abstract available" but a real description
    data_wise = by_url(items, "https://www.edx.org/course/introduction-to-data-wise-a-collaborative-process")
    assert data_wise["description"].startswith("Educators have an ever-increasing stream of data")
    # course_syllabus literal "None"
    cosmic = by_url(items, "https://www.edx.org/course/cosmic-rays-dark-matter-and-the-mysteries-of-the-2")
    assert "syllabus" not in cosmic["extra"]


def test_the_instructor_led_courses(items):
    paced = [item for item in items if item["pacing"] == "Instructor-led on a course schedule"]
    assert len(paced) == 58

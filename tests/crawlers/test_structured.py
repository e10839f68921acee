"""Shared structured-data extraction, on the real saved pages and on small hand-written ones."""

import logging

from parsel import Selector

from crawlers.parsers.structured import (
    item_list_entries,
    json_value_after,
    load_json,
    offer_seller,
    schema_objects,
    schema_program_fields,
    schema_type_names,
)

COURSERA_JUNE = "pages/coursera/search_preaching-the-choir_2020-06-14.html"
CC_COURSE = "pages/classcentral/course_edx-cybersecurity-fundamentals-7844.html"
CC_SUBJECT_ML = "pages/classcentral/subject_machine-learning.html"


def test_coursera_json_ld_item_list_is_flattened_in_order(corpus):
    html = corpus(COURSERA_JUNE).read_text(encoding="utf-8")

    [item_list] = schema_objects(html, "https://www.coursera.org/search?query=Preaching+the+choir&page=1")
    entries = item_list_entries(item_list)

    assert schema_type_names(item_list) == {"ItemList"}
    assert [entry["position"] for entry in entries] == list(range(1, 11))
    assert entries[0]["url"] == "https://www.coursera.org/learn/sustainability-proposal"
    assert entries[8]["url"] == "https://www.coursera.org/specializations/teach-impacts-technology-k12-education"


def test_course_json_ld_in_a_script_without_type_attribute_is_found(corpus):
    html = corpus(CC_COURSE).read_text(encoding="utf-8")
    typed_scripts = Selector(text=html).xpath('//script[@type="application/ld+json"]/text()').getall()
    assert all(not text.strip() for text in typed_scripts)  # the Course is only in an untyped script

    [course] = schema_objects(html, "https://www.classcentral.com/course/edx-cybersecurity-fundamentals-7844")

    assert course["name"] == "Cybersecurity Fundamentals"
    assert course["aggregateRating"]["ratingValue"] == "4.88"
    assert course["provider"]["name"] == "Rochester Institute of Technology"


def test_schema_course_maps_to_program_fields(corpus):
    html = corpus(CC_COURSE).read_text(encoding="utf-8")
    [course] = schema_objects(html, types={"Course"})

    fields = schema_program_fields(course)

    assert fields["title"] == "Cybersecurity Fundamentals"
    assert fields["description"].startswith("Learn cybersecurity fundamentals, including how to detect threats")
    assert fields["provider"] == "Rochester Institute of Technology"
    assert (fields["price"], fields["currency"]) == ("0", "USD")
    assert (fields["rating"], fields["rating_count"]) == ("4.88", "25")
    assert offer_seller(course) == "edX"


def test_microdata_item_list_of_a_subject_page(corpus):
    html = corpus(CC_SUBJECT_ML).read_text(encoding="utf-8")

    [item_list] = schema_objects(html, "https://www.classcentral.com/subject/machine-learning")
    entries = item_list_entries(item_list)

    assert len(entries) == 15
    assert entries[0]["position"] == 1
    assert entries[0]["url"] == "https://www.classcentral.com/course/machine-learning-835"


def test_other_types_on_request_breadcrumb_in_untyped_script(corpus):
    html = corpus(CC_SUBJECT_ML).read_text(encoding="utf-8")

    [breadcrumb] = schema_objects(html, types={"BreadcrumbList"})

    names = [entry["name"] for entry in item_list_entries(breadcrumb)]
    assert names == ["Subjects", "Computer Science", "Machine Learning"]


def test_nested_course_in_item_list_is_returned_with_its_list():
    html = """<html><head><script type="application/ld+json">
      {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "item": {"@type": "Course", "name": "Deep Learning",
          "url": "https://example.org/dl", "hasCourseInstance": {"@type": "CourseInstance", "courseMode": "online"}}}]}
    </script></head><body></body></html>"""

    found = schema_objects(html)

    assert [sorted(schema_type_names(obj))[0] for obj in found] == ["ItemList", "Course", "CourseInstance"]
    [entry] = item_list_entries(found[0])
    assert (entry["position"], entry["url"], entry["item"]["name"]) == (1, "https://example.org/dl", "Deep Learning")
    assert schema_program_fields(found[1])["delivery"] == "online"


def test_broken_json_ld_is_logged_and_the_readable_blocks_kept(caplog):
    html = """<html><head>
      <script type="application/ld+json">{"@type": "Course", "name": "Broken" </script>
      <script type="application/ld+json">
        {"@type": "EducationalOccupationalProgram", "name": "MSc Data Science"}
      </script>
      <script>{"@type": "Course", "name": "also broken",</script>
    </head><body></body></html>"""

    with caplog.at_level(logging.WARNING):
        found = schema_objects(html)

    assert [obj["name"] for obj in found] == ["MSc Data Science"]
    assert caplog.records  # the unreadable blocks were reported, not raised


def test_pages_without_structured_data_give_nothing():
    assert schema_objects("") == []
    assert schema_objects("<html><body><p>no data</p></body></html>") == []
    assert schema_objects(b"\x00\xff garbage <<<") == []


def test_json_value_after_reads_embedded_state_and_refuses_garbage():
    script = 'window.App = {"a": [1, 2]};\nwindow.__APOLLO_STATE__ = {"PartnersV1:1": {"name": "X"}};\nwindow.x=1;'

    assert json_value_after(script, "window.__APOLLO_STATE__") == {"PartnersV1:1": {"name": "X"}}
    assert json_value_after(script, "window.App") == {"a": [1, 2]}
    assert json_value_after("window.App = {broken", "window.App") is None
    assert json_value_after("window.App = someFunction()", "window.App") is None
    assert json_value_after(script, "window.Missing") is None
    assert load_json('{"title": "The "New Normal" that Wasn\'t"}') is None  # as on Class Central's footer


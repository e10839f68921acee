"""The schemaorg source: schema.org programs from any page, broken JSON-LD repaired or counted."""

import json

import pytest
from scrapy.http import HtmlResponse, TextResponse
from scrapy.utils.test import get_crawler

from crawlers.parsers.schemaorg import parse_page
from crawlers.parsers.structured import repaired_json_ld
from crawlers.registry import SOURCES, source
from crawlers.spiders.schemaorg import SchemaOrgSpider

URL = "https://university.example/programs/ms-data-science"
PROGRAM = {
    "@context": "https://schema.org",
    "@type": "EducationalOccupationalProgram",
    "name": "MS in Data Science",
    "provider": {"@type": "CollegeOrUniversity", "name": "Example University"},
    "timeToComplete": "P2Y",
    "offers": {"@type": "Offer", "price": "42000", "priceCurrency": "USD"},
}


def page_with(script_text: str, script_type: str = "application/ld+json") -> str:
    return f'<html><head><script type="{script_type}">{script_text}</script></head><body></body></html>'


BROKEN_IN_THE_WILD = {
    "html_comment": f"<!-- {json.dumps(PROGRAM)} -->",
    "trailing_semicolons": json.dumps(PROGRAM) + ";;",
    "control_characters": json.dumps(PROGRAM).replace('"@type"', '\x0b"@type"').replace(", ", ",\x01 ", 1),
    "cdata_wrapper": f"//<![CDATA[\n{json.dumps(PROGRAM)}\n//]]>",
    "commented_cdata": f"/*<![CDATA[*/{json.dumps(PROGRAM)}/*]]>*/",
}


@pytest.mark.parametrize("breakage", sorted(BROKEN_IN_THE_WILD))
def test_broken_json_ld_seen_in_the_wild_is_repaired(breakage):
    text = BROKEN_IN_THE_WILD[breakage]
    with pytest.raises(ValueError):
        json.loads(text)
    assert json.loads(repaired_json_ld(text)) == PROGRAM

    [item], broken = parse_page(page_with(text), URL)
    assert broken == 0
    assert (item["title"], item["provider"], item["duration"], item["price"]) == (
        "MS in Data Science", "Example University", "P2Y", "42000"
    )
    assert item["extra"]["schema_type"] == "EducationalOccupationalProgram"


def test_json_ld_beyond_repair_is_counted_and_the_rest_of_the_page_is_read():
    good = json.dumps(PROGRAM | {"@type": "Course", "name": "Intro to ML"})
    html = page_with('{"@type": "Course", "name": "unfinished') + page_with(good)
    items, broken = parse_page(html, URL)
    assert broken == 1
    assert [item["title"] for item in items] == ["Intro to ML"]


def test_a_course_without_a_name_is_skipped_not_raised():
    """Found by tests/fuzz: a Course with no name raised KeyError('title') and lost the whole page."""
    named = json.dumps(PROGRAM | {"@type": "Course", "name": "Intro to ML"})
    html = page_with(f'{{"@graph": [{{"@type": "Course"}}, {named}]}}')
    items, broken = parse_page(html, URL)
    assert [item["title"] for item in items] == ["Intro to ML"]
    assert broken == 0


def test_a_course_instance_inside_a_course_is_a_session_not_an_item():
    course = PROGRAM | {"@type": "Course", "hasCourseInstance": {"@type": "CourseInstance", "courseMode": "online"}}
    [item], _broken = parse_page(page_with(json.dumps(course)), URL)
    assert item["delivery"] == "online"
    [alone], _broken = parse_page(page_with(json.dumps(PROGRAM | {"@type": "CourseInstance"})), URL)
    assert alone["extra"]["schema_type"] == "CourseInstance"


def test_microdata_programs_are_read():
    html = ('<html><body><div itemscope itemtype="https://schema.org/Course">'
            '<span itemprop="name">Deep Learning</span><a itemprop="url" href="/dl">more</a></div></body></html>')
    [item], broken = parse_page(html, URL)
    assert (item["title"], item["url"], broken) == ("Deep Learning", "https://university.example/dl", 0)


def test_the_class_central_course_page(corpus):
    url = "https://www.classcentral.com/course/edx-cybersecurity-fundamentals-7844"
    html = corpus("pages/classcentral/course_edx-cybersecurity-fundamentals-7844.html").read_text(encoding="utf-8")
    items, broken = parse_page(html, url)
    assert broken == 0
    assert [item["title"] for item in items] == ["Cybersecurity Fundamentals"]
    assert items[0]["extra"]["schema_type"] == "Course"


def test_live_urls_come_from_the_arguments_or_a_file(tmp_path, caplog):
    listed = tmp_path / "urls.txt"
    listed.write_text("# programs of ds-colleges\nhttps://b.example/ms\n\nhttps://a.example/x\n")
    crawler = get_crawler(SchemaOrgSpider, {"EXTENSIONS": {}, "DOWNLOADER_MIDDLEWARES": {}})
    spider = SchemaOrgSpider.from_crawler(crawler, urls="https://a.example/x,ftp://nope", urls_file=str(listed))
    assert spider.start_urls_for_run() == ["https://a.example/x", "https://b.example/ms"]
    assert crawler.stats.get_value("dropped/not_an_http_url") == 1


def test_in_replay_it_starts_only_from_urls_no_other_source_claims(corpus):
    crawler = get_crawler(SchemaOrgSpider, {"REPLAY_PATH": str(corpus("archive/catalog.warc.gz"))})
    spider = SchemaOrgSpider.from_crawler(crawler)
    starts = spider.start_urls_for_run()
    claimed = [f"https://www.classcentral.com/subject/{slug}" for slug in ("ai", "machine-learning", "data-science")]
    claimed += [feed for declared in SOURCES.values() for feed in declared.feeds]
    assert not set(starts) & set(claimed)
    # Today only the second Mastersportal feed, until its source declares it; read as not HTML.
    assert len(starts) <= 1
    assert spider.accepts("https://university.example/programs/ms")
    assert not spider.accepts("https://www.classcentral.com/subject/ai")
    assert source("schemaorg").enabled


def test_the_spider_counts_broken_blocks_and_pages_without_programs():
    crawler = get_crawler(SchemaOrgSpider, {"EXTENSIONS": {}, "DOWNLOADER_MIDDLEWARES": {}})
    spider = SchemaOrgSpider.from_crawler(crawler)
    broken = page_with('{"@type": "Course", "name": ').encode()
    assert list(spider.parse(HtmlResponse(URL, body=broken, encoding="utf-8"))) == []
    assert crawler.stats.get_value("dropped/broken_structured_data") == 1
    assert crawler.stats.get_value("dropped/no_schema_org_programs") == 1
    csv = TextResponse(URL, body=b"a,b\n1,2\n", headers={"Content-Type": "text/csv"})
    assert list(spider.parse(csv)) == []
    assert crawler.stats.get_value("dropped/not_html") == 1

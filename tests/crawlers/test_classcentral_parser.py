"""Class Central pages (real captures, visible text machine-translated to Hindi) -> ProgramItems.

Expected values are read off the HTML's attributes (data-track-props, aria-label, content, href),
its microdata and schema.org JSON, and the report's table cells.
"""

import re

import scrapy
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from crawlers.parsers.classcentral import (
    canonical_url,
    course_links,
    page_kind,
    parse_course_page,
    parse_listing_page,
    parse_page,
    parse_report_page,
    parse_response,
)
from crawlers.spiders.classcentral import ClassCentralSpider

SITE = "https://www.classcentral.com"
ML_URL, AI_URL, DS_URL = f"{SITE}/subject/machine-learning", f"{SITE}/subject/ai", f"{SITE}/subject/data-science"
COURSE_URL = f"{SITE}/course/edx-cybersecurity-fundamentals-7844"
REPORT_URL = f"{SITE}/report/mooc-based-masters-degree/"
PAGES = {
    ML_URL: "pages/classcentral/subject_machine-learning.html",
    AI_URL: "pages/classcentral/subject_ai.html",
    DS_URL: "pages/classcentral/subject_data-science.html",
    COURSE_URL: "pages/classcentral/course_edx-cybersecurity-fundamentals-7844.html",
    REPORT_URL: "pages/classcentral/report_mooc-based-masters-degree.html",
}


def read(corpus, url):
    return corpus(PAGES[url]).read_text(encoding="utf-8")


def by_id(items):
    return {item["source_id"]: item for item in items}


# --- subject pages ------------------------------------------------------------------------------


def test_subject_page_yields_catalog_and_curated_courses_once_each(corpus):
    items = parse_listing_page(read(corpus, ML_URL), ML_URL)

    # 15 catalog list items + 9 curated picks, 2 of them (4352, 3768) in both.
    assert len(items) == 22
    assert sum("catalog" in item["extra"]["listings"] for item in items) == 15
    assert sum("curated" in item["extra"]["listings"] for item in items) == 9
    assert len({item["source_id"] for item in items}) == 22
    assert {item["subject"] for item in items} == {"Machine Learning"}  # breadcrumb JSON-LD, English


def test_subject_page_course_from_track_props_microdata_and_attributes(corpus):
    item = by_id(parse_listing_page(read(corpus, ML_URL), ML_URL, "2023-02-17T04:00:00+00:00"))["835"]

    assert item["title"] == "Machine Learning"  # the visible <h2> says "मशीन लर्निंग"
    assert item["provider"] == "Coursera"
    assert item["institution"] == "Stanford University"
    assert item["url"] == f"{SITE}/course/machine-learning-835"
    assert item["rating"] == 4.5  # aria-label "Four and a half out of five stars"
    assert item["rating_count"] == 380  # "380 समीक्षा"
    assert item["fetched_at"] == "2023-02-17T04:00:00+00:00"
    assert item["extra"]["position"] == 1  # microdata ListItem position
    assert item["extra"]["next_session"] == "2020-09-28"  # <span aria-label="Start date" content=...>


def test_a_course_listed_twice_keeps_both_listings_and_its_provider_course_id(corpus):
    item = by_id(parse_listing_page(read(corpus, ML_URL), ML_URL))["4352"]

    assert item["title"] == "Machine Learning Foundations: A Case Study Approach"
    assert item["institution"] == "University of Washington"
    assert sorted(item["extra"]["listings"]) == ["catalog", "curated"]
    assert item["extra"]["provider_course_id"] == "coursera_ml-foundations"
    assert (item["rating"], item["rating_count"]) == (4, 40)
    assert item["extra"]["badges"] == ["Best Online Course of All Time"]


def test_other_subject_pages(corpus):
    ai = parse_listing_page(read(corpus, AI_URL), AI_URL)
    data_science = by_id(parse_listing_page(read(corpus, DS_URL), DS_URL))

    assert len(ai) == 15 + 10 - 2
    assert len(data_science) == 15 + 10 - 1
    assert by_id(ai)["12469"]["title"] == "Elements of AI"
    analyst = data_science["18208"]
    assert analyst["title"] == "Become a Data Analyst"
    assert (analyst["provider"], analyst["institution"]) == ("Udacity", "Kaggle")
    assert analyst["extra"]["pricing_icon"] == "icon-dollar-charcoal"  # the paid-course icon
    assert data_science["1712"]["title"] == "The Data Scientist\u2019s Toolbox"


def test_rewritten_relative_links_become_canonical_urls(corpus):
    html = read(corpus, AI_URL)
    assert 'href="../course/edx-cybersecurity-fundamentals-7844.html"' in html
    assert 'href="../report/most-popular-online-courses/index.html"' in html

    assert canonical_url("../course/edx-cybersecurity-fundamentals-7844.html", AI_URL) == COURSE_URL
    assert canonical_url("../report/most-popular-online-courses/index.html", AI_URL) == (
        f"{SITE}/report/most-popular-online-courses/"
    )
    elsewhere = "https://www.coursera.org/degrees/mba-fia"
    assert canonical_url(elsewhere, REPORT_URL) == elsewhere


def test_course_links_to_follow_are_canonical_course_pages(corpus):
    links = course_links(read(corpus, ML_URL), ML_URL)

    assert links[0] == f"{SITE}/course/ml-foundations-4352"  # the curated picks come first on the page
    assert f"{SITE}/course/machine-learning-835" in links
    assert all(link.startswith(f"{SITE}/course/") for link in links)  # /classroom/ videos are not followed
    assert len(links) == len(set(links))


def test_subject_page_with_broken_track_props_yields_nothing_without_raising(corpus):
    html = read(corpus, ML_URL).replace("data-track-props='{", "data-track-props='{{")

    assert parse_listing_page(html, ML_URL) == []


# --- the course page ----------------------------------------------------------------------------


def test_course_page_reads_the_schema_org_course(corpus):
    [item] = parse_course_page(read(corpus, COURSE_URL), COURSE_URL)

    assert item["source_id"] == "7844"
    assert item["url"] == COURSE_URL
    assert item["title"] == "Cybersecurity Fundamentals"
    assert item["description"].startswith("Learn cybersecurity fundamentals")
    assert item["provider"] == "edX"  # the offer's seller
    assert item["institution"] == "Rochester Institute of Technology"  # schema provider (CollegeOrUniversity)
    assert (item["price"], item["currency"]) == ("0", "USD")
    assert (item["rating"], item["rating_count"]) == ("4.88", "25")
    assert item["subject"] == ["Network Security", "Computer Science"]  # analytics metadata
    assert item["extra"]["sessions"][0] == {"start": "2023-03-21", "status": "upcoming"}
    assert len(item["extra"]["sessions"]) == 21


def test_course_page_without_its_course_json_falls_back_to_embedded_metadata(corpus):
    html = read(corpus, COURSE_URL).replace('"@type": "Course",', '"@type": "Course",,')

    [item] = parse_course_page(html, COURSE_URL)

    assert (item["title"], item["provider"], item["source_id"]) == ("Cybersecurity Fundamentals", "edX", "7844")
    assert item["institution"] == "Rochester Institute of Technology"
    assert item["price"] is None and item["rating"] is None


def test_course_page_with_no_data_at_all_yields_nothing():
    assert parse_course_page("<html><body><h1>साइबर सुरक्षा</h1></body></html>", COURSE_URL) == []


# --- the report of MOOC-based degrees -----------------------------------------------------------


def test_report_yields_one_item_per_degree_row(corpus):
    html = read(corpus, REPORT_URL)
    rows_with_a_degree_link = re.findall(r"<tr>\s*<td>\s*(?:\[[+-]\]\s*)?<a href", html)
    assert len(rows_with_a_degree_link) == 85

    items = parse_report_page(html, REPORT_URL)

    # 85 rows; the HSE Master of Finance row is printed twice in the business table.
    assert len(items) == 84
    per_section = {}
    for item in items:
        per_section[item["extra"]["section"]] = per_section.get(item["extra"]["section"], 0) + 1
    assert per_section == {
        "CSEngineering": 12,
        "BizManagement": 35,
        "DataScienceAnalytics": 9,
        "CybersecurityIT": 4,
        "PublicSector": 15,
        "Bachelor": 9,
    }
    assert {item["delivery"] for item in items} == {"online"}


def test_report_row_with_a_translated_title_uses_the_link_slug(corpus):
    items = by_id(parse_report_page(read(corpus, REPORT_URL), REPORT_URL))
    omscs = items["mooc-based-masters-degree/CSEngineering/georgia-tech-master-computer-science-20929"]

    assert omscs["price"] == "$7,000"
    assert omscs["url"] == f"{SITE}/course/georgia-tech-master-computer-science-20929"
    assert omscs["title"] == "Master Computer Science (OMSCS)"
    assert omscs["extra"]["title_as_shown"] == "कंप्यूटर विज्ञान में विज्ञान के ऑनलाइन मास्टर (OMSCS)"
    assert omscs["institution"] == "Georgia Tech"  # the cell says "जॉर्जिया टेक"
    assert omscs["credential"] == "Master"
    assert omscs["subject"] == "CS Engineering"  # <h2 id="CSEngineering">
    assert omscs["extra"]["translated"] == ["title", "institution"]


def test_report_row_that_kept_its_english(corpus):
    items = by_id(parse_report_page(read(corpus, REPORT_URL), REPORT_URL))
    uniandes = items["mooc-based-masters-degree/CSEngineering/uniandes-master-software-engineering-20881"]
    palermo = items["mooc-based-masters-degree/BizManagement/coursera.org/degrees/mba-palermo"]

    assert uniandes["title"] == "Maestría en Ingeniería de Software"
    assert uniandes["institution"] == "La Universidad de los Andes"  # "... through Coursera"
    assert uniandes["provider"] == "Coursera"
    assert uniandes["price"] == "$10,000"
    assert "translated" not in uniandes["extra"]
    assert (palermo["institution"], palermo["price"]) == ("Universidad de Palermo", "$11,640 (1,164,000 ARS)")
    assert palermo["provider"] == "Coursera"  # the link goes to coursera.org/degrees
    assert palermo["extra"]["row_marker"] == "[+]"


def test_report_platform_credential_and_affiliate_links(corpus):
    items = by_id(parse_report_page(read(corpus, REPORT_URL), REPORT_URL))
    purdue = items["mooc-based-masters-degree/CSEngineering/purdue-master-electrical-computer-engineering-20595"]
    advanced = items[
        "mooc-based-masters-degree/BizManagement/futurelearn.com/degrees/coventry/management-advanced-standing"
    ]
    diploma = items["mooc-based-masters-degree/BizManagement/coursera.org/degrees/statistics-data-analytics-pgdip-isi"]
    goldsmiths = items["mooc-based-masters-degree/Bachelor/goldsmiths-london-bachelor-computer-science-20885"]

    assert (purdue["provider"], purdue["price"]) == ("edX", "$22,500")  # "edx के माध्यम से पर्ड्यू विश्वविद्यालय"
    assert advanced["url"] == "https://www.futurelearn.com/degrees/coventry/management-advanced-standing"
    assert advanced["extra"]["raw_href"].startswith("https://click.linksynergy.com/deeplink?")
    assert (advanced["provider"], advanced["price"]) == ("FutureLearn", "£4,600")
    assert diploma["credential"] == "Postgraduate Diploma"
    assert (goldsmiths["credential"], goldsmiths["price"]) == ("Bachelor", "£11,229 – £16,790*")


def test_report_without_degree_tables_yields_nothing():
    html = "<html><body><h2 id='X'>x</h2><table><tr><td>a</td></tr></table><table></table></body></html>"

    assert parse_report_page(html, REPORT_URL) == []
    assert parse_report_page("", REPORT_URL) == []


# --- dispatch and the spider --------------------------------------------------------------------


def test_page_kinds_and_dispatch(corpus):
    assert [page_kind(url) for url in (ML_URL, COURSE_URL, REPORT_URL)] == ["listing", "course", "report"]
    assert page_kind(f"{SITE}/provider/coursera") == "listing"
    assert page_kind(f"{SITE}/about") is None
    assert parse_page("<html></html>", f"{SITE}/provider/coursera") == []
    response = HtmlResponse(COURSE_URL, body=corpus(PAGES[COURSE_URL]).read_bytes(), encoding="utf-8")
    assert [item["title"] for item in parse_response(response)] == ["Cybersecurity Fundamentals"]


def test_spider_follows_course_links_only_when_asked_and_counts_missing_pages(corpus):
    body = corpus(PAGES[ML_URL]).read_bytes()

    def run(follow):
        crawler = get_crawler(
            ClassCentralSpider,
            {"CLASSCENTRAL_FOLLOW_COURSES": follow, "EXTENSIONS": {}, "DOWNLOADER_MIDDLEWARES": {}},
        )
        spider = ClassCentralSpider.from_crawler(crawler)
        output = list(spider.parse(HtmlResponse(ML_URL, body=body, encoding="utf-8")))
        output += list(spider.parse(Response(f"{SITE}/course/machine-learning-835", status=404)))
        return output, crawler.stats

    quiet, quiet_stats = run(False)
    following, _stats = run(True)

    assert not any(isinstance(out, scrapy.Request) for out in quiet)
    assert len(quiet) == 22
    assert quiet_stats.get_value("dropped/http_404") == 1
    requests = [out for out in following if isinstance(out, scrapy.Request)]
    assert len(requests) == len(course_links(body.decode("utf-8"), ML_URL))
    assert all(spider_accepts(url) for url in (ML_URL, COURSE_URL, REPORT_URL))
    assert not spider_accepts("https://www.coursera.org/search?query=x")


def spider_accepts(url):
    return ClassCentralSpider.from_crawler(get_crawler(ClassCentralSpider)).accepts(url)

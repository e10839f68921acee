"""The page parsers and page objects on arbitrary HTML: never raise, yield only items with http(s) URLs."""

import json
from functools import cache

from hypothesis import given
from hypothesis import strategies as st
from scrapy.http import HtmlResponse

from crawlers.items import ProgramItem
from crawlers.pages import classcentral as classcentral_pages
from crawlers.pages import coursera as coursera_pages
from crawlers.pages.base import unreadable_reason
from crawlers.parsers import classcentral, coursera, schemaorg
from tests.conftest import corpus_path
from tests.fuzz.strategies import FEW, FUZZ

URLS = {
    "classcentral subject": "https://www.classcentral.com/subject/machine-learning",
    "classcentral course": "https://www.classcentral.com/course/edx-cybersecurity-fundamentals-7844",
    "classcentral report": "https://www.classcentral.com/report/mooc-based-masters-degree/",
    "coursera search": "https://www.coursera.org/search?query=machine%20learning",
    "coursera browse": "https://www.coursera.org/browse/data-science",
    "schemaorg": "https://example.org/programs/ml",
}
SEEDS = ("classcentral/subject_machine-learning.html", "classcentral/course_edx-cybersecurity-fundamentals-7844.html",
         "classcentral/report_mooc-based-masters-degree.html", "coursera/search_preaching-the-choir_2020-06-14.html")
SCHEMA_TYPES = ["Course", "CourseInstance", "EducationalOccupationalProgram", "ItemList", "ListItem", "Offer",
                "Organization", "Thing"]
json_ld_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.sampled_from(SCHEMA_TYPES + ["javascript:alert(1)", "https://example.org/c", "-5", "P6M", "USD"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["@type", "@context", "@id", "name", "url", "description", "provider", "offers", "price",
                         "priceCurrency", "timeRequired", "itemListElement", "item", "hasCourseInstance",
                         "educationalCredentialAwarded", "courseMode", "inLanguage", "aggregateRating"]),
        inner, max_size=6),
    max_leaves=25,
)
BROKEN_JSON_LD = ["{", "]", "//comment\n", "/* c */", ";", "<![CDATA[", "]]>", "\x00", "\x1f", ",,", "\\"]


@st.composite
def html_pages(draw) -> str:
    """HTML with JSON-LD blocks (valid, broken or hostile), links and arbitrary text."""
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        body = json.dumps(draw(json_ld_values))
        if draw(st.booleans()):
            cut = draw(st.integers(0, len(body)))
            body = body[:cut] + draw(st.sampled_from(BROKEN_JSON_LD)) + body[cut:]
        parts.append(f'<script type="application/ld+json">{body}</script>')
    for _ in range(draw(st.integers(0, 3))):
        href = draw(st.sampled_from(["javascript:alert(1)", "mailto:a@b.c", "file:///etc/passwd", "/course/ml-1",
                                     "data:text/html,x", "https://www.classcentral.com/course/x-1", ""]))
        parts.append(f'<a href="{href}">{draw(st.text(max_size=20))}</a>')
    parts.append(draw(st.text(max_size=200)))
    head = draw(st.sampled_from(["<html><head><title>t</title></head><body>", "", "<html><body>"]))
    tail = draw(st.sampled_from(["</body></html>", "", "<div>"]))
    return head + "".join(draw(st.permutations(parts))) + tail


@cache
def seed_page(relative: str) -> str:
    return corpus_path(f"pages/{relative}").read_text(encoding="utf-8", errors="replace")


def assert_items(items) -> None:
    for item in items:
        assert isinstance(item, ProgramItem)
        url = item.get("url")
        assert url is None or url.lower().startswith(("http://", "https://")), url


def read_with_every_parser(html: str) -> None:
    for kind in ("classcentral subject", "classcentral course", "classcentral report"):
        assert_items(classcentral.parse_page(html, URLS[kind]))
        assert all(link.startswith(("http://", "https://")) for link in classcentral.course_links(html, URLS[kind]))
    assert_items(coursera.parse_search_page(html, URLS["coursera search"]))
    assert_items(coursera.parse_site_menu_programs(html, URLS["coursera search"]))
    items, broken = schemaorg.parse_page(html, URLS["schemaorg"])
    assert_items(items)
    assert broken >= 0


@FUZZ
@given(st.text(max_size=500) | html_pages())
def test_page_parsers_never_raise_on_arbitrary_html(html):
    read_with_every_parser(html)


@FEW
@given(st.sampled_from(SEEDS), st.integers(0, 10**7), st.text(max_size=30))
def test_a_truncated_real_page_never_raises(relative, cut, junk):
    page = seed_page(relative)
    cut = cut % (len(page) + 1)
    read_with_every_parser(page[:cut] + junk)


@FUZZ
@given(st.binary(max_size=400) | html_pages().map(str.encode), st.sampled_from(sorted(URLS)),
       st.sampled_from([200, 403, 500, 503]))
def test_page_objects_never_raise(body, kind, status):
    url = URLS[kind]
    response = HtmlResponse(url, status=status, body=body, encoding="utf-8")
    assert unreadable_reason(response) is None or isinstance(unreadable_reason(response), str)
    page_class = classcentral_pages.page_type(url) or coursera_pages.page_type(url)
    if page_class is None:
        return
    page = page_class.from_response(response)
    assert_items(page.items())
    assert page.broken_structured_data() >= 0
    if isinstance(page, classcentral_pages.ClassCentralListingPage):
        assert all(link.startswith(("http://", "https://")) for link in page.course_links())

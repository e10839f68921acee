"""The link a person opens for a program: its own page where a source gives one, else a search page.

A published dataset's file is never a program's page: a person clicking it downloads a spreadsheet.
Neither is a page a source marks as a listing of many programs (a country's portal page), nor a
site's home page (a school's site stands for all of its programs). Such a
program gets its platform's own search page for the title (Coursera, Udemy, edX ...); where there is
no platform, a web search for the title and school, kept to the source's site when the registry
names one.
"""

from dataclasses import dataclass
from urllib.parse import quote_plus, urlsplit

from pipeline.normalize.sources import declared

# Search pages of the platforms, with {query} for the URL-encoded title.
PLATFORM_SEARCH_PAGES = {
    "Coursera": "https://www.coursera.org/search?query={query}",
    "Udemy": "https://www.udemy.com/courses/search/?q={query}",
    "edX": "https://www.edx.org/search?q={query}",
    "FutureLearn": "https://www.futurelearn.com/search?q={query}",
    "Udacity": "https://www.udacity.com/catalog?searchValue={query}",
    "Class Central": "https://www.classcentral.com/search?q={query}",
}
WEB_SEARCH = "https://duckduckgo.com/?q={query}"
DATASET_HOSTS = frozenset({"raw.githubusercontent.com", "gist.githubusercontent.com"})
DATASET_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xls", ".json", ".jsonl", ".bz2", ".gz", ".zip", ".parquet")


@dataclass(frozen=True)
class Link:
    url: str
    kind: str  # "page": the program's own page; "search": a search page for it


def program_link(url: str | None, *, source: str, title: str, offered_by: str | None,
                 platform: str | None, is_listing: bool = False) -> Link:
    if url and not is_listing and not is_dataset_file(url, source) and not is_home_page(url):
        return Link(url, "page")
    return Link(search_page(title, source=source, offered_by=offered_by, platform=platform), "search")


def is_dataset_file(url: str, source: str) -> bool:
    parts = urlsplit(url)
    return (
        url in declared(source).feeds
        or parts.hostname in DATASET_HOSTS
        or parts.path.lower().endswith(DATASET_SUFFIXES)
    )


def is_home_page(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def search_page(title: str, *, source: str, offered_by: str | None, platform: str | None) -> str:
    if platform in PLATFORM_SEARCH_PAGES:
        return PLATFORM_SEARCH_PAGES[platform].format(query=quote_plus(title))
    words = [title, offered_by or ""]
    if site := declared(source).search_site:
        words.append(f"site:{site}")
    return WEB_SEARCH.format(query=quote_plus(" ".join(word for word in words if word)))

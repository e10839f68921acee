"""Parsing: the project's page parsers over the corpus pages, against lxml.html.fromstring on the same
pages (the floor: any parser has to build the tree at least once).

    .venv/bin/python benchmarks/parse.py [--rounds 3]

The last line printed is one JSON object: parse_ms_per_page, lxml_parse_ms_per_page, their ratio.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import lxml.html

from crawlers.pages import classcentral, coursera

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO.parent / "shared" / "corpus" / "pages"
# Each corpus page at the URL it was captured from (the page object is chosen by URL, as in a crawl).
CAPTURED_AT = {
    "classcentral/subject_machine-learning.html": "https://www.classcentral.com/subject/machine-learning",
    "classcentral/subject_ai.html": "https://www.classcentral.com/subject/ai",
    "classcentral/subject_data-science.html": "https://www.classcentral.com/subject/data-science",
    "classcentral/course_edx-cybersecurity-fundamentals-7844.html":
        "https://www.classcentral.com/course/edx-cybersecurity-fundamentals-7844",
    "classcentral/report_mooc-based-masters-degree.html": "https://www.classcentral.com/report/mooc-based-masters-degree/",
    "coursera/search_preaching-the-choir_2020-06-14.html": "https://www.coursera.org/search?query=machine%20learning",
    "coursera/search_preaching-the-choir_2020-07-15.html": "https://www.coursera.org/search?query=data%20science",
}  # fmt: skip


def corpus_pages() -> list[tuple[str, str]]:
    missing = [name for name in CAPTURED_AT if not (PAGES / name).is_file()]
    if missing:
        sys.exit(f"error: corpus pages missing: {', '.join(str(PAGES / name) for name in missing)}")
    return [(url, (PAGES / name).read_text(encoding="utf-8")) for name, url in CAPTURED_AT.items()]


def parse_with_page_objects(url: str, html: str) -> int:
    page_class = classcentral.page_type(url) or coursera.page_type(url)
    page = page_class(url, html)
    items = page.items()
    page.broken_structured_data()
    return len(items)


def best_ms_per_page(parse, pages: list[tuple[str, str]], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for url, html in pages:
            parse(url, html)
        best = min(best, (time.perf_counter() - started) / len(pages) * 1000)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the pages; the best counts")
    arguments = parser.parse_args()
    pages = corpus_pages()
    items = sum(parse_with_page_objects(url, html) for url, html in pages)  # warm-up, and a sanity figure
    ours = best_ms_per_page(parse_with_page_objects, pages, arguments.rounds)
    floor = best_ms_per_page(lambda _url, html: lxml.html.fromstring(html), pages, arguments.rounds)
    print(f"parse: {ours:.1f} ms/page ({items} items), lxml: {floor:.1f} ms/page ({ours / floor:.2f}x)",
          file=sys.stderr)
    print(json.dumps({"benchmark": "parse", "pages": len(pages), "items": items,
                      "parse_ms_per_page": round(ours, 2), "lxml_parse_ms_per_page": round(floor, 2),
                      "ratio": round(ours / floor, 3)}))


if __name__ == "__main__":
    main()

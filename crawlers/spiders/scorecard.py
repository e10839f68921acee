"""College Scorecard: in replay the published institution and field-of-study files, live the API.

The institution file is read first (its callback requests the field-of-study file), so each program is
joined to its school's tuition and site while the field-of-study file streams past; neither file is
held whole. Rows in other fields are counted in the stats (``scorecard/rows_other_fields``), rows that
cannot be used are counted drops.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import PurePosixPath
from urllib.parse import urlencode, urlsplit

import scrapy
from scrapy.http import Response

from crawlers.fetch_time import fetch_time
from crawlers.items import ProgramItem
from crawlers.parsers import scorecard as parser
from crawlers.parsers.csv_feed import Dropped
from crawlers.registry import ML_FIELDS_OF_STUDY
from crawlers.spiders.base import CatalogSpider

API_KEY_VARIABLE = "SCORECARD_API_KEY"
API_PAGE_SIZE = 100
API_FIELDS = (
    "id,school.name,school.city,school.state,school.school_url,school.online_only,school.ownership,"
    "school.main_campus,latest.cost.tuition,latest.programs.cip_4_digit"
)


def is_institution_file(url: str) -> bool:
    """The institution file is MERGED<years>_PP.csv.bz2; any other feed of the source is field of study."""
    return PurePosixPath(urlsplit(url).path).name.upper().startswith("MERGED")


class ScorecardSpider(CatalogSpider):
    name = "scorecard"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.institutions: dict[str, parser.Institution] = {}
        self.field_of_study_files: list[str] = []

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if not self.settings.get("REPLAY_PATH"):
            for request in self.api_requests():
                yield request
            return
        urls = self.start_urls_for_run()
        institution_files = [url for url in urls if is_institution_file(url)]
        self.field_of_study_files = [url for url in urls if not is_institution_file(url)]
        if institution_files:
            for url in institution_files:
                yield scrapy.Request(url, callback=self.parse_institutions, dont_filter=True)
        else:
            for request in self.field_of_study_requests():
                yield request

    def parse_institutions(self, response: Response) -> Iterator[scrapy.Request]:
        if not self.is_error_page(response):
            self.institutions.update(
                (result.unitid, result)
                for result in self.counted(parser.parse_institutions, response)
                if isinstance(result, parser.Institution)
            )
            self.crawler.stats.set_value("scorecard/institutions", len(self.institutions))
        yield from self.field_of_study_requests()

    def field_of_study_requests(self) -> Iterator[scrapy.Request]:
        """Each field-of-study file once, after the (one expected) institution file."""
        files, self.field_of_study_files = self.field_of_study_files, []
        for url in files:
            yield scrapy.Request(url, callback=self.parse, dont_filter=True)

    def parse(self, response: Response, **kwargs) -> Iterator[ProgramItem]:
        if self.is_error_page(response):
            return
        rows = parser.FieldOfStudyParser(self.institutions)
        yield from self.counted(rows, response)
        for outcome, count in rows.rows.items():
            self.crawler.stats.inc_value(f"scorecard/rows_{outcome}", count)

    def counted(self, feed_parser, response: Response) -> Iterator:
        """What a feed parser yields, less its drops, which are counted; an unreadable feed is one drop."""
        results = 0
        try:
            for result in feed_parser(response.body, response.url, fetch_time(response)):
                if isinstance(result, Dropped):
                    self.record_drop(result.reason, f"{response.url}: {result.detail}")
                    continue
                results += 1
                yield result
        except parser.FeedUnreadable as error:
            self.record_drop("unreadable_feed", f"{response.url}: {error}")
            self.logger.error("Feed unreadable, nothing read from it: %s: %s", response.url, error)
        self.logger.info("%s: %d read", response.url, results)

    # Live: the API, one page of schools at a time.

    def api_requests(self) -> Iterable[scrapy.Request]:
        key = os.environ.get(API_KEY_VARIABLE, "").strip()
        if not key:
            self.logger.warning("%s is not set: College Scorecard API skipped, nothing crawled", API_KEY_VARIABLE)
            return []
        return [self.api_request(key, page=0)]

    def api_request(self, key: str, page: int) -> scrapy.Request:
        query = {
            "fields": API_FIELDS,
            "latest.programs.cip_4_digit.code": ",".join(code.replace(".", "") for code in ML_FIELDS_OF_STUDY),
            "per_page": API_PAGE_SIZE,
            "page": page,
        }
        url = f"{self.declared().live_urls[0]}?{urlencode(query)}"
        # The key travels in a header (api.data.gov accepts X-Api-Key), so it is in no URL, log or archive.
        return scrapy.Request(
            url, headers={"X-Api-Key": key}, callback=self.parse_api_page, cb_kwargs={"key": key, "page": page}
        )

    def parse_api_page(self, response: Response, key: str, page: int) -> Iterator[ProgramItem | scrapy.Request]:
        if self.is_error_page(response):
            return
        yield from self.counted(lambda body, _url, fetched_at: parser.parse_api_page(body, fetched_at), response)
        if parser.api_has_more_pages(response.body, page, API_PAGE_SIZE):
            yield self.api_request(key, page + 1)

"""WarcArchive: a live crawl writes every response it receives to a WARC file, so that the crawl can
be replayed (REPLAY_PATH) and re-parsed later.

The file is ``<WARC_DIR>/<spider>-<UTC timestamp>.warc.gz``; WARC_DIR defaults to
``$MLPATH_HOME/archives``. Off in replay (nothing new was received) and when WARC_ENABLED is false.
Bodies are stored as the spider saw them (decompressed), with headers that say so. An answer that
Scrapy retries (RETRY_HTTP_CODES: "come back later") is no page of the source and is not stored.
"""

from __future__ import annotations

import io
import logging
import os
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from platformdirs import user_data_path
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

logger = logging.getLogger(__name__)

# Headers that described the bytes on the wire, not the (decoded) body the spider received.
_WIRE_HEADERS = {b"content-encoding", b"content-length", b"transfer-encoding"}


class WarcArchive:
    """Downloader middleware: each response, as received, becomes one WARC response record."""

    def __init__(self, folder: Path, retried_codes: set[int]):
        self.folder = folder
        self.retried_codes = retried_codes
        self.path: Path | None = None
        self._stream = None
        self._writer: WARCWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcArchive:
        settings = crawler.settings
        if settings.get("REPLAY_PATH") or not settings.getbool("WARC_ENABLED"):
            raise NotConfigured("replaying, or WARC_ENABLED is false: no archive is written")
        retried = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        if not settings.getbool("RETRY_ENABLED"):
            retried = set()
        archive = cls(Path(settings.get("WARC_DIR") or default_folder()), retried)
        crawler.signals.connect(archive.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(archive.spider_closed, signal=signals.spider_closed)
        return archive

    def spider_opened(self, spider: Spider) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        self.path = self.folder / f"{spider.name}-{stamp}.warc.gz"
        self._stream = self.path.open("ab")
        self._writer = WARCWriter(self._stream, gzip=True)
        logger.info("Writing every response of this crawl to %s", self.path)

    def spider_closed(self, spider: Spider) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = self._writer = None

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        if self._writer is not None and self._is_a_page(response):
            self._writer.write_record(self._record(response))
        return response

    def _is_a_page(self, response: Response) -> bool:
        return response.status not in self.retried_codes and urlsplit(response.url).path != "/robots.txt"

    def _record(self, response: Response):
        headers = [
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, values in response.headers.items()
            if name.lower() not in _WIRE_HEADERS
            for value in values
        ]
        headers.append(("Content-Length", str(len(response.body))))
        status = f"{response.status} {_reason(response.status)}"
        http_headers = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        return self._writer.create_warc_record(
            response.url, "response", payload=io.BytesIO(response.body), http_headers=http_headers
        )


def default_folder() -> Path:
    home = os.environ.get("MLPATH_HOME")
    return (Path(home) if home else user_data_path("mlpath")) / "archives"


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"

"""Replay: answer every request from a WARC archive instead of the network.

``ReplayArchive`` indexes the HTTP responses of a WARC file (or of every *.warc / *.warc.gz in a
folder) once, url -> file + offset, and reads a body only when it is asked for. ``ReplayMiddleware``
serves requests from it; a URL the archive does not hold is answered with an empty 404, so a replayed
crawl never touches the network. A URL captured several times is served in its newest capture,
unless the request names another in ``meta[CAPTURE_META]`` (its WARC-Date, see ``captures()``).
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import ClassVar

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from scrapy.statscollectors import StatsCollector
from w3lib.url import canonicalize_url
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

logger = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
UNDATED = datetime.min.replace(tzinfo=UTC)  # older than any dated capture
CAPTURE_META = "replay_capture"  # request meta: the ISO WARC-Date of the capture to serve


class ReplayArchiveError(Exception):
    """REPLAY_PATH does not name a readable WARC archive (the message names the path)."""


@dataclass(frozen=True)
class ArchivedResponse:
    status: int
    headers: Headers
    body: bytes


@dataclass(frozen=True)
class _Capture:
    url: str
    captured: datetime
    file: Path
    offset: int
    size: int  # bytes of the record's block (HTTP headers and body, as archived)


class ReplayArchive:
    """The HTTP responses held by one WARC file or a folder of them."""

    _opened: ClassVar[dict[tuple, ReplayArchive]] = {}

    def __init__(self, files: list[Path]):
        self.files = files
        self._urls: list[str] = []
        self._newest: dict[str, _Capture] = {}
        self._all: dict[str, list[_Capture]] = {}
        for file in files:
            self._index(file)

    @classmethod
    def open(cls, path: str | Path) -> ReplayArchive:
        """The archive at ``path``, indexed once per process (the spider and the middleware share it)."""
        files = _warc_files(Path(path))
        # File sizes and modification times are part of the key: a rewritten archive is re-indexed.
        key = tuple((str(file.resolve()), file.stat().st_mtime_ns, file.stat().st_size) for file in files)
        if key not in cls._opened:
            cls._opened[key] = cls(files)
        return cls._opened[key]

    def urls(self) -> list[str]:
        """Every archived response URL, once each, in archive order."""
        return list(self._urls)

    def captures(self, url: str) -> list[str]:
        """The ISO WARC-Dates of every capture of ``url``, oldest first (empty when not archived)."""
        return sorted({capture.captured.isoformat() for capture in self._all.get(_lookup_key(url), [])})

    def size(self, url: str) -> int:
        """Bytes archived for the newest capture of ``url`` (0 when not archived): how much a replayed
        crawl of it reads."""
        capture = self._newest.get(_lookup_key(url))
        return capture.size if capture else 0

    def get(self, url: str, captured: str | None = None) -> ArchivedResponse | None:
        """The newest capture of ``url`` (by WARC-Date), or the one captured at ``captured``; None
        when the archive does not hold it."""
        capture = self._newest.get(_lookup_key(url))
        if captured is not None:
            # Of two captures with the same date, the later record in the archive, as for the newest.
            known = self._all.get(_lookup_key(url), [])
            same_date = [capture for capture in known if capture.captured.isoformat() == captured]
            capture = same_date[-1] if same_date else None
        if capture is None:
            return None
        try:
            with capture.file.open("rb") as stream:
                stream.seek(capture.offset)
                record = next(iter(ArchiveIterator(stream)))
                return _archived_response(record)
        except (ArchiveLoadFailed, StopIteration, OSError, ValueError, zlib.error) as error:
            raise ReplayArchiveError(
                f"cannot read the capture of {url} in {capture.file} at offset {capture.offset}: {error}"
            ) from None

    def _index(self, file: Path) -> None:
        record_count = 0
        try:
            with file.open("rb") as stream:
                records = ArchiveIterator(stream)
                for record in records:
                    record_count += 1
                    if record.rec_type == "response" and record.http_headers is not None:
                        self._add(_capture_of(record, file, records.get_record_offset()))
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as error:
            raise ReplayArchiveError(f"not a readable WARC archive: {file} ({_first_line(error)})") from None
        if record_count == 0:
            raise ReplayArchiveError(f"not a WARC archive (no records): {file}")

    def _add(self, capture: _Capture) -> None:
        key = _lookup_key(capture.url)
        self._all.setdefault(key, []).append(capture)
        known = self._newest.get(key)
        if known is None:
            self._urls.append(capture.url)
        # Ties go to the later record in the archive: it was written last.
        if known is None or capture.captured >= known.captured:
            self._newest[key] = capture


class ReplayMiddleware:
    """Downloader middleware: every request is answered from the archive named by REPLAY_PATH."""

    def __init__(self, archive: ReplayArchive, stats: StatsCollector):
        self.archive = archive
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReplayMiddleware:
        path = crawler.settings.get("REPLAY_PATH")
        if not path:
            raise NotConfigured("REPLAY_PATH is not set: requests go to the network")
        archive = ReplayArchive.open(path)
        logger.info("Replaying %d archived URLs from %s; nothing goes to the network", len(archive.urls()), path)
        return cls(archive, crawler.stats)

    def process_request(self, request: Request, spider: Spider | None = None) -> Response:
        archived = self.archive.get(request.url, request.meta.get(CAPTURE_META))
        if archived is None:
            self.stats.inc_value("replay/miss")
            logger.debug("Not in the replay archive, answered 404: %s", request.url)
            return Response(request.url, status=404, request=request, flags=["replay"])
        self.stats.inc_value("replay/hit")
        response_class = responsetypes.from_args(headers=archived.headers, url=request.url, body=archived.body)
        return response_class(
            request.url,
            status=archived.status,
            headers=archived.headers,
            body=archived.body,
            request=request,
            flags=["replay"],
        )


def _warc_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(file for file in path.iterdir() if file.is_file() and file.name.endswith(WARC_SUFFIXES))
        if not files:
            raise ReplayArchiveError(f"no *.warc or *.warc.gz files in replay folder: {path}")
        return files
    if not path.is_file():
        raise ReplayArchiveError(f"replay archive not found: {path}")
    return [path]


def _capture_of(record: ArcWarcRecord, file: Path, offset: int) -> _Capture:
    url = record.rec_headers.get_header("WARC-Target-URI", "").strip("<>")
    captured = _parse_warc_date(record.rec_headers.get_header("WARC-Date", ""))
    return _Capture(url=url, captured=captured, file=file, offset=offset, size=record.length or 0)


def _parse_warc_date(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return UNDATED
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _lookup_key(url: str) -> str:
    # Requests and archives spell the same URL differently (query order, escaping, fragments).
    return canonicalize_url(url, keep_fragments=False)


def _archived_response(record: ArcWarcRecord) -> ArchivedResponse:
    http = record.http_headers
    body = record.content_stream().read()
    headers = Headers()
    for name, value in http.headers:
        if not _stale_after_decoding(name, value, http, body):
            headers.appendlist(name, value)
    captured = _parse_warc_date(record.rec_headers.get_header("WARC-Date", ""))
    if b"Date" not in headers and captured != UNDATED:
        # The capture time is when the page said what it says: items carry it as their fetch time.
        headers["Date"] = format_datetime(captured.astimezone(UTC), usegmt=True)
    return ArchivedResponse(status=int(http.get_statuscode() or 200), headers=headers, body=body)


def _stale_after_decoding(name: str, value: str, http, body: bytes) -> bool:
    """Whether a header no longer describes the body warcio's content_stream() returned."""
    name = name.lower()
    if name == "transfer-encoding":
        return value.strip().lower() == "chunked"  # content_stream() de-chunks
    if name == "content-encoding":
        # content_stream() decodes what it has a decompressor for; anything else (zstd...) stays
        # encoded and keeps its header, for Scrapy's HttpCompressionMiddleware to decode.
        return value.strip().lower() in BufferedReader.get_supported_decompressors()
    if name == "content-length":
        return value.strip() != str(len(body))
    return False


def _first_line(error: BaseException, limit: int = 120) -> str:
    text = str(error).strip()
    line = text.splitlines()[0].strip() if text else type(error).__name__
    return line if len(line) <= limit else line[: limit - 3] + "..."

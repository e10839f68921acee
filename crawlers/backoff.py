"""RetryAfterBackoff: a server that answers 429 or 503 is given time before Scrapy's RetryMiddleware
asks again: the Retry-After it names, else an exponential backoff, both capped.

Scrapy's RetryMiddleware retries at once; this downloader middleware sits just before it (on the
downloader's side) and raises the delay of the response's download slot, so the retry and every
other request to that site wait. AutoThrottle brings the delay down again as answers come back fine.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

logger = logging.getLogger(__name__)


class RetryAfterBackoff:
    def __init__(self, crawler: Crawler, codes: set[int], base: float, cap: float):
        self.crawler = crawler
        self.codes = codes
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterBackoff:
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED") or settings.get("REPLAY_PATH"):
            raise NotConfigured("no retries, or a replay: nobody to give time to")
        codes = {int(code) for code in settings.getlist("RETRY_BACKOFF_HTTP_CODES")}
        return cls(crawler, codes, settings.getfloat("RETRY_BACKOFF_BASE"), settings.getfloat("RETRY_BACKOFF_MAX"))

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        if response.status in self.codes and not request.meta.get("dont_retry"):
            delay = backoff_delay(response, request.meta.get("retry_times", 0), self.base, self.cap)
            self._slow_down(request, delay)
            self.crawler.stats.inc_value("backoff/count")
            logger.info("HTTP %d from %s: waiting %.0f s before asking again", response.status, request.url, delay)
        return response

    def _slow_down(self, request: Request, delay: float) -> None:
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None:
            slot.delay = max(slot.delay, delay)


def backoff_delay(response: Response, retries_so_far: int, base: float, cap: float) -> float:
    """Seconds to wait: the response's Retry-After (seconds or an HTTP date) when it names one, else
    ``base`` doubled for each retry already made; never more than ``cap``."""
    named = retry_after(response)
    delay = named if named is not None else base * 2**retries_so_far
    return min(max(delay, 0.0), cap)


def retry_after(response: Response, now: datetime | None = None) -> float | None:
    value = response.headers.get(b"Retry-After", b"").decode("latin-1").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # unreadable: the exponential backoff applies
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)

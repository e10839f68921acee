"""What every page object shares: the page as fetched, and the check that turns a page nobody can
read (error status, challenge, empty, truncated, mis-encoded) into one named reason to drop it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapy.http import HtmlResponse, Response, TextResponse

from crawlers.fetch_time import fetch_time
from crawlers.items import ProgramItem
from crawlers.parsers.structured import broken_structured_data

# Anti-bot interstitials answer a page URL with a page of their own (often with status 403 or 503).
_CHALLENGE_MARKERS = (
    "<title>just a moment...</title>",
    "cf-chl-",
    "/cdn-cgi/challenge-platform/",
    "<title>attention required! | cloudflare</title>",
    "captcha-delivery.com",
)
_HTML_END = re.compile(r"</html\s*>", re.IGNORECASE)
_MIS_DECODED_SHARE = 0.01  # replacement or NUL characters in more than 1% of the text
# UTF-8 read as Latin-1 or cp1252 (a wrong declared charset): a lead byte shown as "Ã", "à", "â"...
# followed by a continuation byte shown as a Latin-1 symbol or a cp1252 punctuation mark ("Ã©", "â€™").
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                       "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_MOJIBAKE_SHARE = 0.002


@dataclass(frozen=True)
class Page:
    """A fetched page of one type; subclasses read it with ``items()``."""

    url: str
    html: str
    fetched_at: str | None = None

    @classmethod
    def from_response(cls, response: TextResponse) -> Page:
        return cls(response.url, response.text, fetch_time(response))

    def items(self) -> list[ProgramItem]:
        raise NotImplementedError

    def broken_structured_data(self) -> int:
        """JSON-LD or microdata blocks of the page that could not be read (each warned about once)."""
        return broken_structured_data(self.html, self.url)


def unreadable_reason(response: Response) -> str | None:
    """Why a fetched page cannot be read as a catalogue page, or None when it can."""
    if _is_challenge(response):
        return "challenge_page"
    if response.status >= 400:
        return f"http_{response.status}"
    if not response.body.strip():
        return "empty_page"
    if not isinstance(response, HtmlResponse):
        return "not_html"
    text = response.text
    if (text.count("\ufffd") + text.count("\x00")) > _MIS_DECODED_SHARE * len(text):
        return "mis_encoded_page"
    if len(_MOJIBAKE.findall(text)) > max(20, _MOJIBAKE_SHARE * len(text)):
        return "mis_encoded_page"
    if not _HTML_END.search(text[-4096:]):
        return "truncated_page"
    return None


def _is_challenge(response: Response) -> bool:
    if response.headers.get(b"cf-mitigated", b"").lower() == b"challenge":
        return True
    head = response.body[:20000].decode("utf-8", "replace").lower()
    return any(marker in head for marker in _CHALLENGE_MARKERS)

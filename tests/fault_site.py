"""A misbehaving course site on loopback for crawl tests: error statuses, throttling, timeouts,
resets, redirect loops, oversized and endless bodies, a wrong charset, broken HTML and JSON-LD, and a
robots.txt that forbids a path; plus good schema.org course pages. It counts every request by path.

``FaultSite()`` is a context manager: it serves on a free port from a thread and stops on exit (a
handler that stalls or streams forever gives up as soon as the site stops).
"""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS_TXT = b"User-agent: *\nDisallow: /private/\n"
ENDLESS_CHUNK = b"<p>" + b"x" * 8192 + b"</p>"

# Good course pages: title -> the schema.org Course each page holds.
GOOD_COURSES = {
    "/courses/applied-machine-learning": ("Applied Machine Learning", "Example University", "499", "P8W"),
    "/courses/deep-learning-foundations": ("Deep Learning Foundations", "Example Institute", "1200", "P12W"),
    "/courses/statistics-for-data-science": ("Statistics for Data Science", "Example College", "0", "P6W"),
}


def course(title: str, provider: str = "Example University", price: str = "300", duration: str = "P4W") -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": title,
        "description": f"{title}: models, data and evaluation, with graded projects.",
        "provider": {"@type": "CollegeOrUniversity", "name": provider},
        "educationalCredentialAwarded": "Professional Certificate",
        "timeToComplete": duration,
        "offers": {"@type": "Offer", "price": price, "priceCurrency": "USD"},
    }


def page(json_ld: str, body: str = "<p>Course details.</p>") -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>course</title>'
            f'<script type="application/ld+json">{json_ld}</script></head><body>{body}</body></html>').encode()


# JSON-LD broken in the ways seen in the wild, each repairable (crawlers/parsers/structured.py).
BROKEN_JSON_LD = {
    "/broken/comment": ("ML with an HTML comment", lambda text: f"<!-- {text} -->"),
    "/broken/semicolons": ("ML with trailing semicolons", lambda text: text + ";;"),
    "/broken/control-characters": ("ML with control characters", lambda text: text.replace(", ", ",\x01 ", 2)),
    "/broken/cdata": ("ML inside CDATA", lambda text: f"//<![CDATA[\n{text}\n//]]>"),
}
BROKEN_HTML_TITLE = "ML on a page of broken HTML"
RECOVERING_TITLE = "ML after a 429"
PRIVATE_TITLE = "Private course"
# Pages that cannot be read, each with the drop reason the crawl report must name.
UNREADABLE = {
    "/errors/500": "http_500",
    "/errors/503": "http_503",
    "/errors/slow": "download_timeout",
    "/errors/reset": "connection_lost",
    "/errors/redirect-loop": "too_many_redirects",
    "/errors/huge": "too_large",
    "/errors/endless": "too_large",
    "/errors/wrong-charset": "mis_encoded_page",
    "/broken/beyond-repair": "no_schema_org_programs",
}
ALWAYS_THROTTLED = "/errors/503"
RECOVERS = "/recovers"


def good_titles() -> list[str]:
    return sorted([title for title, *_ in GOOD_COURSES.values()]
                  + [title for title, _break in BROKEN_JSON_LD.values()] + [BROKEN_HTML_TITLE, RECOVERING_TITLE])


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str,
         headers: dict[str, str] | None = None) -> None:
    """One whole answer with its length; a client that hung up meanwhile is no error."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    try:
        handler.wfile.write(body)
    except OSError:  # the crawler gave up on this page
        pass


class FaultSite:
    def __init__(self, huge_bytes: int = 1 << 20):
        self.huge_bytes = huge_bytes
        self.requests: Counter[str] = Counter()
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def page_urls(self) -> list[str]:
        paths = [*GOOD_COURSES, *BROKEN_JSON_LD, "/broken/html", RECOVERS, *UNREADABLE, "/private/course"]
        return [self.url + path for path in paths]

    def count(self, path: str) -> int:
        with self._lock:
            self.requests[path] += 1
            return self.requests[path]

    def __enter__(self) -> FaultSite:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def _handler_for(site: FaultSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 - the name http.server calls
            path = self.path.split("?", 1)[0]
            seen = site.count(path)
            if path.startswith("/errors/redirect-loop"):
                return self._redirect_loop()
            answer = ANSWERS.get(path)
            if answer is None and path in GOOD_COURSES:
                return self._send(200, page(json.dumps(course(*GOOD_COURSES[path]))))
            if answer is None and path in BROKEN_JSON_LD:
                title, breaks = BROKEN_JSON_LD[path]
                return self._send(200, page(breaks(json.dumps(course(title)))))
            if answer is None:
                return self._send(404, b"not here", "text/plain")
            answer(self, seen)

        def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None:
            send(self, status, body, content_type, headers)

        def _redirect_loop(self) -> None:
            # An endless chain /errors/redirect-loop -> ...?hop=1 -> ...?hop=2 -> ... (a loop whose
            # URLs never repeat, so only the redirect limit can end it).
            hop = int(self.path.partition("hop=")[2] or 0) + 1
            self._send(302, b"", headers={"Location": f"/errors/redirect-loop?hop={hop}"})

        def _stall(self, _seen: int) -> None:
            site.stopping.wait(30)  # longer than the crawl's DOWNLOAD_TIMEOUT; ends when the site stops

        def _reset(self, _seen: int) -> None:
            # SO_LINGER with a zero timeout: close() sends a TCP RST instead of a FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()

        def _huge(self, _seen: int) -> None:
            self._send(200, b"<html><body>" + b"y" * site.huge_bytes + b"</body></html>")

        def _endless(self, _seen: int) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Connection", "close")  # no length: the body ends when the connection does
            self.end_headers()
            self.close_connection = True
            try:
                while not site.stopping.is_set():
                    self.wfile.write(ENDLESS_CHUNK)
            except OSError:
                pass

        def _wrong_charset(self, _seen: int) -> None:
            text = "<p>Données, modèles, réseaux de neurones, éthique : apprentissage supervisé.</p>" * 40
            body = page(json.dumps(course("Apprentissage automatique")), text)
            self._send(200, body, "text/html; charset=iso-8859-1")  # the bytes are UTF-8

        def _broken_html(self, _seen: int) -> None:
            body = page(json.dumps(course(BROKEN_HTML_TITLE)), "<div><p>unclosed <b>tags <table><tr><td>cell</div>"
                        "</span></p><li>stray<img src=x onerror=alert(1)>")
            self._send(200, body)

        def _beyond_repair(self, _seen: int) -> None:
            self._send(200, page('{"@type": "Course", "name": "unfinished'))

        def _always_throttled(self, _seen: int) -> None:
            self._send(503, b"busy", "text/plain", {"Retry-After": "0"})

        def _server_error(self, _seen: int) -> None:
            self._send(500, b"oops", "text/plain")

        def _recovers(self, seen: int) -> None:
            if seen == 1:
                return self._send(429, b"slow down", "text/plain", {"Retry-After": "0"})
            self._send(200, page(json.dumps(course(RECOVERING_TITLE))))

        def _robots(self, _seen: int) -> None:
            self._send(200, ROBOTS_TXT, "text/plain")

        def _private(self, _seen: int) -> None:
            self._send(200, page(json.dumps(course(PRIVATE_TITLE))))

        def log_message(self, *_args) -> None:
            pass

    ANSWERS = {
        "/robots.txt": Handler._robots,
        "/errors/500": Handler._server_error,
        ALWAYS_THROTTLED: Handler._always_throttled,
        RECOVERS: Handler._recovers,
        "/errors/slow": Handler._stall,
        "/errors/reset": Handler._reset,
        "/errors/huge": Handler._huge,
        "/errors/endless": Handler._endless,
        "/errors/wrong-charset": Handler._wrong_charset,
        "/broken/html": Handler._broken_html,
        "/broken/beyond-repair": Handler._beyond_repair,
        "/private/course": Handler._private,
    }
    return Handler

"""Live-crawl manners against a loopback HTTP server the test starts and stops: robots.txt obeyed,
an identifying user agent, a 429 waited out and retried, every page written to a WARC file that
replay then serves, and a crawl interrupted and resumed from its JOBDIR."""

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crawlers.backoff import backoff_delay, retry_after
from tests.conftest import REPO
from tests.fault_site import send

PROGRAMS = {f"/programs/{number}": f"Program {number}" for number in (1, 2, 3)}


def program_page(title: str) -> bytes:
    course = json.dumps({"@context": "https://schema.org", "@type": "Course", "name": title})
    return f'<html><head><script type="application/ld+json">{course}</script></head><body></body></html>'.encode()


class Site(BaseHTTPRequestHandler):
    requests: list[tuple[str, str]] = []  # (path, user agent), in order
    busy_left = 0  # how many more times /busy answers 429

    def do_GET(self):  # noqa: N802 - the name http.server calls
        type(self).requests.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/robots.txt":
            self._answer(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path == "/busy" and type(self).busy_left > 0:
            type(self).busy_left -= 1
            self._answer(429, b"slow down", "text/plain", {"Retry-After": "0"})
        elif self.path in PROGRAMS or self.path in ("/busy", "/private/secret"):
            self._answer(200, program_page(PROGRAMS.get(self.path, self.path)), "text/html; charset=utf-8")
        else:
            self._answer(404, b"", "text/plain")

    def _answer(self, status, body, content_type, headers=None):
        send(self, status, body, content_type, headers)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    Site.requests = []
    Site.busy_left = 1
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def crawl(out: Path, name: str, *options: str) -> list[dict]:
    feed = out / f"{name}.jsonl"
    command = [sys.executable, "-m", "scrapy", "crawl", "schemaorg", "-O", str(feed), "-s", "LOG_LEVEL=INFO",
               "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "CONCURRENT_REQUESTS=1", *options]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawlers.settings", "MLPATH_HOME": str(out / "home")}
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return [json.loads(line) for line in feed.read_text().splitlines()] if feed.exists() else []


def test_a_live_crawl_is_polite_and_writes_a_warc_that_replay_serves(site, tmp_path):
    urls = [f"{site}{path}" for path in (*PROGRAMS, "/busy", "/private/secret")]
    live = crawl(tmp_path, "live", "-a", f"urls={','.join(urls)}", "-s", "RETRY_BACKOFF_BASE=0")

    assert sorted(item["title"] for item in live) == ["/busy", *PROGRAMS.values()]
    paths = [path for path, _agent in Site.requests]
    assert "/private/secret" not in paths  # robots.txt disallows it
    assert paths.count("/busy") == 2  # a 429, then the retry
    assert all(agent.startswith("mlpath/") for _path, agent in Site.requests)

    [archive] = (tmp_path / "home" / "archives").glob("schemaorg-*.warc.gz")
    Site.requests = []
    replayed = crawl(tmp_path, "replayed", "-s", f"REPLAY_PATH={archive}")
    assert sorted(item["title"] for item in replayed) == sorted(item["title"] for item in live)
    assert Site.requests == []  # nothing went to the network


def test_an_interrupted_crawl_resumes_from_its_jobdir(site, tmp_path):
    urls = "urls=" + ",".join(f"{site}{path}" for path in PROGRAMS)
    job = ["-s", f"JOBDIR={tmp_path / 'job'}", "-s", "WARC_ENABLED=false"]
    first = crawl(tmp_path, "first", "-a", urls, *job, "-s", "CLOSESPIDER_ITEMCOUNT=1")
    resumed = crawl(tmp_path, "resumed", "-a", urls, *job)

    assert 1 <= len(first) < len(PROGRAMS)
    assert sorted(item["title"] for item in first + resumed) == sorted(PROGRAMS.values())
    fetched = [path for path, _agent in Site.requests if path in PROGRAMS]
    assert sorted(fetched) == sorted(PROGRAMS)  # each page fetched once over both runs


def test_the_backoff_honours_retry_after_else_doubles_and_is_capped():
    from datetime import UTC, datetime

    from scrapy.http import Response

    def answer(retry_after_value=None):
        headers = {"Retry-After": retry_after_value} if retry_after_value else {}
        return Response("https://x.example/", status=429, headers=headers)

    assert backoff_delay(answer("7"), 3, base=5, cap=300) == 7
    assert backoff_delay(answer(), 0, base=5, cap=300) == 5
    assert backoff_delay(answer(), 2, base=5, cap=300) == 20
    assert backoff_delay(answer("86400"), 0, base=5, cap=300) == 300
    assert backoff_delay(answer("soon"), 1, base=5, cap=300) == 10  # unreadable: the doubling applies
    now = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    assert retry_after(answer("Mon, 30 Nov 2026 10:01:30 GMT"), now) == 90


def test_telnet_remote_control_and_cookies_are_not_even_imported():
    """Scrapy imports every component its lists name, disabled ones too; the settings leave these out."""
    probe = (
        "import sys\n"
        "from scrapy.utils.project import get_project_settings\n"
        "settings = get_project_settings()\n"
        "enabled = [*settings.get_component_priority_dict_with_base('EXTENSIONS'),\n"
        "           *settings.get_component_priority_dict_with_base('DOWNLOADER_MIDDLEWARES')]\n"
        "print(sorted(name for name in ('aiohttp', 'twisted.conch', 'tldextract') if name in sys.modules))\n"
        "print(any(word in str(path) for word in ('telnet', 'remote_control', 'cookies') for path in enabled))\n"
    )
    environment = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawlers.settings"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=environment, capture_output=True, text=True,
                            check=True)  # fmt: skip
    assert result.stdout.splitlines() == ["[]", "False"]

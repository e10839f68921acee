"""The real schemaorg spider against a misbehaving site on loopback (tests/fault_site.py): the crawl
completes, retries what should be retried, obeys robots.txt, drops what cannot be read with a counted
reason, and the rest is cleaned and stored in the catalogue."""

import json
import os
import subprocess
import sys
from collections import Counter

import pytest
from sqlalchemy import text

from pipeline.clean import clean
from pipeline.records import Program
from pipeline.store.db import make_engine, reader_session, writer_session
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import RunOutcome, close_run, open_run
from pipeline.store.upsert import store_programs
from tests.conftest import REPO
from tests.fault_site import ALWAYS_THROTTLED, RECOVERS, UNREADABLE, FaultSite, good_titles

MAXSIZE = 256 * 1024
# Quick but real: one retry, a 2 s timeout, three redirects, a 256 KiB size limit.
FAST_SETTINGS = {
    "DOWNLOAD_TIMEOUT": "2", "RETRY_TIMES": "1", "RETRY_BACKOFF_BASE": "0", "REDIRECT_MAX_TIMES": "3",
    "DOWNLOAD_MAXSIZE": str(MAXSIZE), "DOWNLOAD_WARNSIZE": "0", "AUTOTHROTTLE_START_DELAY": "0",
    "CONCURRENT_REQUESTS": "16", "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "LOG_LEVEL": "INFO",
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One crawl of the whole site: (the site's request counts, the feed, the crawl report, the log)."""
    out = tmp_path_factory.mktemp("fault-crawl")
    with FaultSite(huge_bytes=4 * MAXSIZE) as site:
        feed, report, log = out / "schemaorg.jsonl", out / "report.json", out / "crawl.log"
        command = [sys.executable, "-m", "scrapy", "crawl", "schemaorg", "-O", f"{feed}:jsonlines",
                   "-a", "urls=" + ",".join(site.page_urls()), "-s", f"CRAWL_REPORT_PATH={report}",
                   "-s", f"LOG_FILE={log}"]
        for name, value in FAST_SETTINGS.items():
            command += ["-s", f"{name}={value}"]
        environment = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawlers.settings", "MLPATH_HOME": str(out / "home")}
        done = subprocess.run(command, cwd=REPO, env=environment, capture_output=True, text=True, timeout=120)
        requests = Counter(site.requests)
    assert done.returncode == 0, done.stderr[-3000:]
    return requests, feed, json.loads(report.read_text()), log.read_text(errors="replace") + done.stderr


def test_the_crawl_completes_without_a_traceback(crawled):
    _requests, _feed, report, log = crawled
    assert report["finish_reason"] == "finished"
    assert "Traceback" not in log, log[-3000:]
    assert report["errors"] == 0, [line for line in log.splitlines() if "ERROR" in line]


def test_throttled_and_failing_pages_are_retried_and_a_recovering_one_is_read(crawled):
    requests, feed, _report, _log = crawled
    assert requests[ALWAYS_THROTTLED] == 2  # the first answer and one retry (RETRY_TIMES=1)
    assert requests["/errors/500"] == 2
    assert requests[RECOVERS] == 2  # a 429 with Retry-After, then the page
    assert requests["/errors/slow"] == 2
    # At least once more: Twisted itself also asks again when a reset hits a reused keep-alive connection.
    assert requests["/errors/reset"] >= 2
    assert "ML after a 429" in {json.loads(line)["title"] for line in feed.read_text().splitlines()}


def test_robots_txt_is_obeyed(crawled):
    requests, _feed, report, _log = crawled
    assert requests["/robots.txt"] == 1
    assert requests["/private/course"] == 0
    assert report["dropped"]["forbidden_by_robots_txt"] == 1


def test_what_cannot_be_read_is_dropped_with_a_counted_reason(crawled):
    _requests, _feed, report, _log = crawled
    expected = Counter(UNREADABLE.values()) + Counter({"forbidden_by_robots_txt": 1, "broken_structured_data": 1})
    assert report["dropped"] == dict(expected)


def test_endless_redirects_and_bodies_stop_at_their_limits(crawled):
    requests, _feed, _report, _log = crawled
    hops = [path for path in requests if path.startswith("/errors/redirect-loop")]
    assert sum(requests[path] for path in hops) == 4  # the page and three redirects (REDIRECT_MAX_TIMES=3)
    assert requests["/errors/huge"] == 1 and requests["/errors/endless"] == 1  # too large: not retried


def test_the_readable_pages_are_cleaned_and_stored(crawled, tmp_path):
    _requests, feed, report, _log = crawled
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    cleaned = [clean(json.loads(line)) for line in feed.read_text().splitlines()]
    programs = [outcome for outcome in cleaned if isinstance(outcome, Program)]
    with writer_session(engine) as session:
        run = open_run(session, "fault-run", "schemaorg")
        stored = store_programs(session, run, programs)
        close_run(session, run, RunOutcome(status="ok", items=report["items"], stored=stored.stored))
    with reader_session(engine) as session:
        titles = session.scalars(text("SELECT title FROM program_catalog ORDER BY title")).all()
        providers = dict(session.execute(text("SELECT title, provider FROM program_catalog")).all())
    engine.dispose()
    assert report["items"] == len(cleaned) == len(programs) == stored.stored
    assert titles == good_titles()
    assert providers["Deep Learning Foundations"] == "Example Institute"

"""Replay from the real archive (archive/catalog.warc.gz, listed in archive/index.csv)."""

import csv
import gzip

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.utils.test import get_crawler

from crawlers.replay import CAPTURE_META, ReplayArchive, ReplayArchiveError, ReplayMiddleware
from tests.warc import write_capture

COURSERA_SEARCH = "https://www.coursera.org/search?query=Preaching+the+choir&page=1"


def archive_index(corpus) -> dict[str, dict]:
    """index.csv (in archive order): the newest capture of each URL, at the URL's first place."""
    newest: dict[str, dict] = {}
    with corpus("archive/index.csv").open(newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if row["url"] not in newest or row["captured"] >= newest[row["url"]]["captured"]:
                newest[row["url"]] = row
    return newest


def middleware_for(path):
    crawler = get_crawler(settings_dict={"REPLAY_PATH": str(path)})
    return ReplayMiddleware.from_crawler(crawler), crawler.stats


@pytest.fixture
def archive_path(corpus):
    return corpus("archive/catalog.warc.gz")


def test_the_archive_lists_each_url_once_in_archive_order(archive_path, corpus):
    urls = ReplayArchive.open(archive_path).urls()
    assert urls == list(archive_index(corpus))  # index.csv is in archive order too
    assert len(urls) == 20 and urls[0] == COURSERA_SEARCH  # 21 records, the search page captured twice


def test_a_folder_is_opened_like_the_file_it_holds_and_indexed_once(archive_path):
    assert ReplayArchive.open(archive_path.parent).urls() == ReplayArchive.open(archive_path).urls()
    assert ReplayArchive.open(archive_path) is ReplayArchive.open(str(archive_path))


@pytest.mark.parametrize("url_number", range(11))
def test_every_archived_url_is_answered_with_its_recorded_body(url_number, archive_path, corpus):
    url, row = list(archive_index(corpus).items())[url_number]
    middleware, stats = middleware_for(archive_path)
    response = middleware.process_request(Request(url))
    assert response.status == 200
    assert response.headers[b"Content-Type"].decode().startswith(row["content_type"])
    assert isinstance(response, HtmlResponse if row["content_type"] == "text/html" else TextResponse)
    assert response.body == corpus(row["copy"]).read_bytes()
    assert "replay" in response.flags
    assert stats.get_value("replay/hit") == 1


def test_the_newest_of_two_captures_is_served(archive_path, corpus):
    middleware, _ = middleware_for(archive_path)
    body = middleware.process_request(Request(COURSERA_SEARCH)).body
    assert body == corpus("pages/coursera/search_preaching-the-choir_2020-07-15.html").read_bytes()
    assert body != corpus("pages/coursera/search_preaching-the-choir_2020-06-14.html").read_bytes()


def test_a_request_naming_an_older_capture_gets_that_capture(archive_path, corpus):
    archive = ReplayArchive.open(archive_path)
    captures = archive.captures(COURSERA_SEARCH)
    assert len(captures) == 2 and captures[0].startswith("2020-06-14") and captures[1].startswith("2020-07-15")
    middleware, _ = middleware_for(archive_path)
    june = middleware.process_request(Request(COURSERA_SEARCH, meta={CAPTURE_META: captures[0]})).body
    assert june == corpus("pages/coursera/search_preaching-the-choir_2020-06-14.html").read_bytes()
    assert archive.captures("https://www.classcentral.com/course/not-archived-1") == []


@pytest.mark.parametrize(
    "url",
    [
        "https://www.classcentral.com/course/edx-machine-learning-1234",  # a link the archive did not follow
        "https://www.classcentral.com/robots.txt",
    ],
)
def test_a_url_outside_the_archive_is_an_empty_404(url, archive_path):
    middleware, stats = middleware_for(archive_path)
    response = middleware.process_request(Request(url))
    assert (response.status, response.body, response.url) == (404, b"", url)
    assert stats.get_value("replay/miss") == 1 and stats.get_value("replay/hit") is None


def test_urls_match_whatever_the_order_of_query_arguments(archive_path):
    middleware, _ = middleware_for(archive_path)
    assert (
        middleware.process_request(Request("https://www.coursera.org/search?page=1&query=Preaching+the+choir")).status
        == 200
    )


def test_no_replay_path_leaves_the_middleware_off():
    with pytest.raises(NotConfigured):
        ReplayMiddleware.from_crawler(get_crawler(settings_dict={"REPLAY_PATH": ""}))


@pytest.mark.parametrize("bad", ["missing", "not_a_warc", "empty_folder", "empty_file"])
def test_a_bad_replay_path_is_one_clear_line_naming_it(bad, tmp_path, corpus):
    path = {
        "missing": tmp_path / "nowhere.warc.gz",
        "not_a_warc": corpus("datasets/data_science_colleges_632.csv"),
        "empty_folder": tmp_path,
        "empty_file": tmp_path / "empty.warc",
    }[bad]
    if bad == "empty_file":
        path.write_bytes(b"")
    with pytest.raises(ReplayArchiveError) as raised:
        middleware_for(path)
    message = str(raised.value)
    assert str(path) in message and "\n" not in message and len(message) < 300
    # no chained warcio traceback under it
    assert raised.value.__context__ is None or raised.value.__suppress_context__


def chunked(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n0\r\n\r\n" % (len(data), data)


def test_encoded_bodies_are_decoded_and_their_headers_dropped(tmp_path):
    page = b"<html><body>decoded</body></html>"
    encoded = chunked(gzip.compress(page))
    write_capture(
        tmp_path / "encoded.warc.gz",
        "https://example.org/page",
        encoded,
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"),
            ("Content-Length", str(len(encoded))),
            ("Set-Cookie", "a=1"),
            ("Set-Cookie", "b=2"),
        ],
        date="2024-01-01T00:00:00Z",
    )
    middleware, _ = middleware_for(tmp_path / "encoded.warc.gz")
    response = middleware.process_request(Request("https://example.org/page"))
    assert isinstance(response, HtmlResponse) and response.body == page
    for stale in (b"Content-Encoding", b"Transfer-Encoding", b"Content-Length"):
        assert stale not in response.headers
    assert response.headers.getlist("Set-Cookie") == [b"a=1", b"b=2"]


def test_the_newest_capture_wins_across_files_and_statuses_are_kept(tmp_path):
    write_capture(
        tmp_path / "a.warc.gz",
        "https://example.org/x",
        b"new",
        [("Content-Type", "text/plain")],
        date="2024-05-01T00:00:00Z",
    )
    write_capture(
        tmp_path / "b.warc.gz",
        "https://example.org/x",
        b"old",
        [("Content-Type", "text/plain")],
        date="2023-05-01T00:00:00Z",
    )
    write_capture(
        tmp_path / "b.warc.gz", "https://example.org/gone", b"", [], date="2023-05-01T00:00:00Z", status="410 Gone"
    )
    middleware, _ = middleware_for(tmp_path)
    assert middleware.process_request(Request("https://example.org/x")).body == b"new"
    assert middleware.process_request(Request("https://example.org/gone")).status == 410
    assert ReplayArchive.open(tmp_path).urls() == ["https://example.org/x", "https://example.org/gone"]


def test_replayed_responses_are_dated_by_their_capture(corpus):
    from crawlers.replay import ReplayArchive

    archive = ReplayArchive.open(corpus("archive/catalog.warc.gz"))
    edx = archive.get(
        "https://raw.githubusercontent.com/RodoArellano/Project_MOOC_Analysis_and_Visualization_ESP/"
        "5c8f709b4b49cb34264921234e2f4b5b7c3dea0f/edx_courses.csv"
    )
    assert edx.headers.get("Date") == b"Wed, 21 Jun 2023 00:00:00 GMT"  # captured 2023-06-21 (index.csv)

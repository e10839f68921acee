"""Why a request could not be downloaded, as the drop reason the crawl report counts."""

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from twisted.internet import defer, error
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

# The first entry whose classes match names the reason.
_REASONS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, error.TimeoutError, error.TCPTimedOutError), "download_timeout"),
    ((DownloadCancelledError, defer.CancelledError), "too_large"),  # over DOWNLOAD_MAXSIZE: the download is cancelled
    ((ResponseDataLossError,), "truncated_download"),
    ((CannotResolveHostError, error.DNSLookupError), "unknown_host"),
    ((DownloadConnectionRefusedError, error.ConnectionRefusedError, error.ConnectError), "connection_refused"),
    ((error.ConnectionLost, error.ConnectionDone, ResponseFailed, ResponseNeverReceived, DownloadFailedError,
      ConnectionError), "connection_lost"),
)


def download_error_reason(exception: BaseException) -> str:
    if isinstance(exception, IgnoreRequest):
        return _ignored_reason(str(exception))
    for classes, reason in _REASONS:
        if isinstance(exception, classes):
            return reason
    return "download_failed"


def _ignored_reason(message: str) -> str:
    if "robots.txt" in message:
        return "forbidden_by_robots_txt"
    if "redirection" in message:
        return "too_many_redirects"
    return "ignored_request"

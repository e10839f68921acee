"""Scrapy settings for every mlpath spider. Polite by default: identify, obey robots.txt, throttle,
back off when a site asks to, stop at a size limit; no telnet, no remote control.

A long live crawl can be interrupted (Ctrl-C once) and resumed where it stopped: give the same job
folder to both runs, e.g. ``scrapy crawl classcentral -s JOBDIR=$MLPATH_HOME/jobs/classcentral``
(Scrapy keeps its pending requests and the requests already seen there)."""

from scrapy.settings import default_settings

BOT_NAME = "mlpath"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

USER_AGENT = "mlpath/0.1 (+https://github.com/mlpath/mlpath; catalogue of ML programs)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024
RETRY_TIMES = 2
# A page still failing after its retries is a counted drop (crawlers/download_errors.py), not an error.
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"
# RetryAfterBackoff: on these codes, wait what Retry-After says, else RETRY_BACKOFF_BASE doubled per
# retry, never more than RETRY_BACKOFF_MAX seconds (Scrapy's RetryMiddleware then asks again).
RETRY_BACKOFF_HTTP_CODES = [429, 503]
RETRY_BACKOFF_BASE = 5.0
RETRY_BACKOFF_MAX = 300.0

TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
COOKIES_ENABLED = False
# Off, and not even imported: Scrapy imports every component its lists name, disabled ones too (to
# compare them by object), and these three bring aiohttp, Twisted's conch and tldextract, a fifth of a
# crawl process's start-up (1.20 -> 0.96 s of CPU for a crawl with nothing to do; a run starts one per
# source). Hence the trimmed copies of the *_BASE lists that Scrapy otherwise asks projects to leave be.
_NOT_IMPORTED = {
    "scrapy.extensions.telnet.TelnetConsole",
    "scrapy.extensions.remote_control.RemoteControl",
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware",
}
EXTENSIONS_BASE = {path: order for path, order in default_settings.EXTENSIONS_BASE.items() if path not in _NOT_IMPORTED}
DOWNLOADER_MIDDLEWARES_BASE = {path: order for path, order in default_settings.DOWNLOADER_MIDDLEWARES_BASE.items()
                               if path not in _NOT_IMPORTED}  # fmt: skip

# Replay: when REPLAY_PATH names a WARC file or a folder of them, every request is answered
# from the archive (a missing URL as a 404) and nothing goes to the network.
REPLAY_PATH = ""
DOWNLOADER_MIDDLEWARES = {
    "crawlers.replay.ReplayMiddleware": 50,
    # Responses pass middlewares from the highest number down: after HttpCompressionMiddleware (590)
    # has decoded the body, so the archive holds each response as the spider sees it.
    "crawlers.warc_archive.WarcArchive": 585,
    # Just before RetryMiddleware (550): the slot waits before the retry is sent.
    "crawlers.backoff.RetryAfterBackoff": 560,
}
# A live crawl writes every response to $MLPATH_HOME/archives/<spider>-<timestamp>.warc.gz (or to
# WARC_DIR), so it can be replayed with REPLAY_PATH later. Off in replay.
WARC_ENABLED = True
WARC_DIR = ""
EXTENSIONS = {
    "crawlers.crawl_report.CrawlReport": 500,
}
# Class Central: follow course links from subject pages (off: a replay archive holds almost none of
# them, and a live crawl would fetch dozens more pages).
CLASSCENTRAL_FOLLOW_COURSES = False
# Where CrawlReport writes the crawl's figures (pages, items, dropped pages by reason) as JSON.
CRAWL_REPORT_PATH = ""

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

"""Scrapy settings for every mlpath spider. Polite by default: identify, obey robots.txt, throttle."""

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

TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
COOKIES_ENABLED = False

# Replay: when REPLAY_PATH names a WARC file or a folder of them, every request is answered
# from the archive (a missing URL as a 404) and nothing goes to the network.
REPLAY_PATH = ""
DOWNLOADER_MIDDLEWARES = {
    "crawlers.replay.ReplayMiddleware": 50,
}
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

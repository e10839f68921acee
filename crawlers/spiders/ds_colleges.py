"""The curated list of data-science degree programs, crawled as one CSV feed (pinned to a commit)."""

import re

from crawlers.parsers import ds_colleges as parser
from crawlers.spiders.csv_feed import CsvFeedSpider

FEED_URL = "https://raw.githubusercontent.com/ryanswanstrom/awesome-datascience-colleges/ecc1d469d1363717f621fd338e258554be9abb1f/data_science_colleges.csv"


class DsCollegesSpider(CsvFeedSpider):
    name = "ds-colleges"
    live_urls = (FEED_URL,)
    replay_patterns = (f"^{re.escape(FEED_URL)}$",)
    parse_feed = staticmethod(parser.parse_feed)

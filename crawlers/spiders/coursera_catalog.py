"""The Coursera catalogue dataset, crawled as one CSV feed (pinned to the commit that published it)."""

import re

from crawlers.parsers import coursera_catalog as parser
from crawlers.spiders.csv_feed import CsvFeedSpider

FEED_URL = "https://raw.githubusercontent.com/Ayesha3456/Coursera-Course-Data-Analysis-SQL/155d83f5066e14573132f517f43213e2fa579a87/Coursera.csv"


class CourseraCatalogSpider(CsvFeedSpider):
    name = "coursera-catalog"
    live_urls = (FEED_URL,)
    replay_patterns = (f"^{re.escape(FEED_URL)}$",)
    parse_feed = staticmethod(parser.parse_feed)

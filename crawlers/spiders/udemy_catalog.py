"""The Udemy catalogue dataset (Singapore prices), crawled as one CSV feed (pinned to the commit that published it)."""

import re

from crawlers.parsers import udemy_catalog as parser
from crawlers.spiders.csv_feed import CsvFeedSpider

FEED_URL = "https://raw.githubusercontent.com/Kelizaaaaa/Udemy-Data-Project/8afced33c6cbda342871f4fdfbe45e9de7665489/Data/Udemy_Raw.csv"


class UdemyCatalogSpider(CsvFeedSpider):
    name = "udemy-catalog"
    live_urls = (FEED_URL,)
    replay_patterns = (f"^{re.escape(FEED_URL)}$",)
    parse_feed = staticmethod(parser.parse_feed)

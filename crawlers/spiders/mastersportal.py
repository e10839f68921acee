"""Computer-science master's programs from Mastersportal (2019 export), crawled as one CSV feed."""

import re

from crawlers.parsers import mastersportal as parser
from crawlers.spiders.csv_feed import CsvFeedSpider

FEED_URL = "https://raw.githubusercontent.com/Miosolo/master-projects-analysis/18b985141ee520830d1c7a2011119c1e1d05b79a/export/CS.csv"


class MastersportalSpider(CsvFeedSpider):
    name = "mastersportal"
    live_urls = (FEED_URL,)
    replay_patterns = (f"^{re.escape(FEED_URL)}$",)
    parse_feed = staticmethod(parser.parse_feed)

"""The edX course catalogue dataset, crawled as one CSV feed (pinned to the commit that published it)."""

import re

from crawlers.parsers import edx_catalog as parser
from crawlers.spiders.csv_feed import CsvFeedSpider

FEED_URL = "https://raw.githubusercontent.com/RodoArellano/Project_MOOC_Analysis_and_Visualization_ESP/5c8f709b4b49cb34264921234e2f4b5b7c3dea0f/edx_courses.csv"


class EdxCatalogSpider(CsvFeedSpider):
    name = "edx-catalog"
    live_urls = (FEED_URL,)
    replay_patterns = (f"^{re.escape(FEED_URL)}$",)
    parse_feed = staticmethod(parser.parse_feed)

"""The edX course catalogue dataset, crawled as one CSV feed (pinned to the commit that published it)."""

from crawlers.parsers import edx_catalog as parser
from crawlers.spiders.csv_feed import CsvFeedSpider


class EdxCatalogSpider(CsvFeedSpider):
    name = "edx-catalog"
    parse_feed = staticmethod(parser.parse_feed)

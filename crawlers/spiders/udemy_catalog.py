"""The Udemy catalogue dataset (Singapore prices), crawled as one CSV feed (pinned to the commit that published it)."""

from crawlers.parsers import udemy_catalog as parser
from crawlers.spiders.csv_feed import CsvFeedSpider


class UdemyCatalogSpider(CsvFeedSpider):
    name = "udemy-catalog"
    parse_feed = staticmethod(parser.parse_feed)

"""The Coursera catalogue dataset, crawled as one CSV feed (pinned to the commit that published it)."""

from crawlers.parsers import coursera_catalog as parser
from crawlers.spiders.csv_feed import CsvFeedSpider


class CourseraCatalogSpider(CsvFeedSpider):
    name = "coursera-catalog"
    parse_feed = staticmethod(parser.parse_feed)

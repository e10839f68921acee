"""The Coursera catalogue dataset, crawled as one CSV feed (pinned to the commit that published it)."""

from crawlers.parsers import coursera_catalog as parser
from crawlers.spiders.feed import FeedSpider


class CourseraCatalogSpider(FeedSpider):
    name = "coursera-catalog"
    feed_parsers = {"Coursera.csv": parser.parse_feed}

"""The Udemy catalogue dataset (Singapore prices), crawled as one CSV feed (pinned to the commit that published it)."""

from crawlers.parsers import udemy_catalog as parser
from crawlers.spiders.feed import FeedSpider


class UdemyCatalogSpider(FeedSpider):
    name = "udemy-catalog"
    feed_parsers = {"Udemy_Raw.csv": parser.parse_feed}

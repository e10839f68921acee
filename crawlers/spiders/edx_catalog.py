"""The edX course catalogue dataset, crawled as one CSV feed (pinned to the commit that published it)."""

from crawlers.parsers import edx_catalog as parser
from crawlers.spiders.feed import FeedSpider


class EdxCatalogSpider(FeedSpider):
    name = "edx-catalog"
    feed_parsers = {"edx_courses.csv": parser.parse_feed}

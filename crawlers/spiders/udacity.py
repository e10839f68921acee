"""Udacity's catalogue API (courses and nanodegrees), crawled as one JSON feed (a dump pinned to a commit)."""

from crawlers.parsers import udacity as parser
from crawlers.spiders.feed import FeedSpider


class UdacitySpider(FeedSpider):
    name = "udacity"
    feed_parsers = {"udacity.json": parser.parse_feed}

"""FutureLearn's course feed, crawled as one JSON feed (a dump pinned to a commit)."""

from crawlers.parsers import futurelearn as parser
from crawlers.spiders.feed import FeedSpider


class FutureLearnSpider(FeedSpider):
    name = "futurelearn"
    feed_parsers = {"futurelearn.json": parser.parse_feed}

"""The curated list of data-science degree programs, crawled as one CSV feed (pinned to a commit)."""

from crawlers.parsers import ds_colleges as parser
from crawlers.spiders.feed import FeedSpider


class DsCollegesSpider(FeedSpider):
    name = "ds-colleges"
    feed_parsers = {"data_science_colleges.csv": parser.parse_feed}

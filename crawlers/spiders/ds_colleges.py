"""The curated list of data-science degree programs, crawled as one CSV feed (pinned to a commit)."""

from crawlers.parsers import ds_colleges as parser
from crawlers.spiders.csv_feed import CsvFeedSpider


class DsCollegesSpider(CsvFeedSpider):
    name = "ds-colleges"
    parse_feed = staticmethod(parser.parse_feed)
